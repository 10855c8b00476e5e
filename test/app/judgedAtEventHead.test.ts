import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { github } from '../helpers/githubNock.js';
import { payload } from '../helpers/payloads.js';
import { probotHarness } from '../helpers/probotHarness.js';

// H_GRANT: the commit the event names; it adds an unapproved grant for mallory. By the time the App
// handles the event, mallory has force-pushed a docs-only commit, and GitHub's live lists of the
// PR's files and commits describe that commit instead.
const H_GRANT = 'a'.repeat(40);
const BASE_SHA = 'f'.repeat(40);
const policy = `version: 1
resources:
  prod-db:
    provider: github-team
    team: prod-db-admins
    max_duration: 4h
    approvals: { min: 2 }
`;
const codeowners = '* @acme/security\n/grants/prod-db/ @acme/dba-leads\n';
const BASE = { 'access.yml': policy, '.github/CODEOWNERS': codeowners };
const grant = (who: string) =>
  `grantee: ${who}\nresource: prod-db\nreason: "INC-9: replica is lagging badly"\nexpires: 2026-11-28T12:00:00Z\n`;
const HEAD_FILES = { ...BASE, 'grants/prod-db/mallory.yml': grant('mallory') };
const pull = {
  number: 7,
  state: 'open',
  draft: false,
  title: 'prod-db for mallory',
  head: { sha: H_GRANT, ref: 'mallory/x' },
  user: { login: 'mallory', type: 'User' },
  created_at: '2026-11-28T09:00:00Z',
};
const approve = (login: string) => ({
  login,
  state: 'APPROVED',
  commit_id: H_GRANT,
  submitted_at: '2026-11-28T09:30:00Z',
});

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function receive(event: 'opened' | 'synchronize', sender = 'mallory') {
  const { probot } = probotHarness();
  await probot.receive({
    id: '1',
    name: 'pull_request',
    payload: payload(`pull_request.${event}`, { pull, sender }),
  } as never);
}

describe('a pull request is judged at the head commit its event names', () => {
  it('reads the files of the event head by comparison, not the PR branch that moved to a docs-only commit', async () => {
    let check: Body = {};
    // No mock of the PR's live file list: the docs-only commit it would show is never asked for.
    const scopes = [
      github.installationToken(),
      github.compare(`main...${H_GRANT}`, {
        files: [{ filename: 'grants/prod-db/mallory.yml', status: 'added' }],
        commits: [{ author: 'mallory' }],
      }),
      github.tarball('main', BASE),
      github.tarball(H_GRANT, HEAD_FILES),
      github.reviews(7, []),
      github.findCheckRuns(H_GRANT, []),
      github.teamMembers('acme', 'dba-leads', ['dana', 'dave']),
      github.createCheckRun((b) => (check = b)),
      github.addLabels(7, ['grantops:request']),
    ];
    await receive('synchronize');
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(check.head_sha).toBe(H_GRANT);
    expect(check.conclusion).toBe('action_required');
    expect(check.output.title).toBe('Waiting for 2 more code-owner approvals');
    expect(check.output.summary).toContain('| grants/prod-db/mallory.yml | @acme/dba-leads | 2 |');
  });

  it('excludes the authors of every commit of the comparison, reading later pages at the resolved base', async () => {
    let check: Body = {};
    const scopes = [
      github.installationToken(),
      github.compare(`main...${H_GRANT}`, {
        files: [{ filename: 'grants/prod-db/mallory.yml', status: 'added' }],
        commits: Array.from({ length: 100 }, () => ({ author: 'mallory' })),
        totalCommits: 101,
        baseSha: BASE_SHA,
      }),
      // page 2 compares from the base commit page 1 resolved: a moving main cannot mix two lists
      github.compare(`${BASE_SHA}...${H_GRANT}`, {
        commits: [{ author: 'mallory', committer: 'dave' }],
        totalCommits: 101,
        page: 2,
        baseSha: BASE_SHA,
      }),
      github.tarball('main', BASE),
      github.tarball(H_GRANT, HEAD_FILES),
      github.reviews(7, [approve('dana'), approve('dave')]),
      github.findCheckRuns(H_GRANT, []),
      github.teamMembers('acme', 'dba-leads', ['dana', 'dave']),
      github.createCheckRun((b) => (check = b)),
      github.addLabels(7, ['grantops:request']),
    ];
    await receive('synchronize');
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(check.conclusion).toBe('action_required');
    expect(check.output.summary).toContain(
      '- @dave: an author or committer of a commit in the PR cannot approve it',
    );
  });

  it('fails closed, posting no check, when GitHub lists fewer commits than it counts', async () => {
    const { probot } = probotHarness();
    const scopes = [
      github.installationToken(),
      github.compare(`main...${H_GRANT}`, {
        files: [{ filename: 'grants/prod-db/mallory.yml', status: 'added' }],
        commits: Array.from({ length: 100 }, () => ({ author: 'mallory' })),
        totalCommits: 150,
        baseSha: BASE_SHA,
      }),
      github.compare(`${BASE_SHA}...${H_GRANT}`, { totalCommits: 150, page: 2, baseSha: BASE_SHA }),
    ];
    await expect(
      probot.receive({
        id: '1',
        name: 'pull_request',
        payload: payload('pull_request.synchronize', { pull, sender: 'mallory' }),
      } as never),
    ).rejects.toThrow(/comparing main\.\.\.aaaaaaa failed: GitHub counted 150 commits but listed 100/);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('fails the check, asking to split the PR, when the comparison reaches the 300 files GitHub lists', async () => {
    let check: Body = {};
    const files = Array.from({ length: 300 }, (_, i) => ({
      filename: `docs/page-${String(i).padStart(3, '0')}.md`,
    }));
    // Reads nothing else: a 301st file could be a grant, so neither snapshots nor reviews matter.
    const scopes = [
      github.installationToken(),
      github.compare(`main...${H_GRANT}`, { files, commits: [{ author: 'mallory' }] }),
      github.findCheckRuns(H_GRANT, []),
      github.createCheckRun((b) => (check = b)),
    ];
    await receive('opened');
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    expect(check).toMatchObject({
      head_sha: H_GRANT,
      conclusion: 'failure',
      output: { title: 'Split this pull request: GitHub lists at most 300 of its changed files' },
    });
    expect(check.output.annotations).toEqual([
      expect.objectContaining({
        path: 'docs/page-299.md',
        start_line: 1,
        annotation_level: 'failure',
        title: 'request-too-many-files',
        message:
          'GitHub lists at most 300 changed files of a pull request for grantops to read, and this one changes 300 or more: an unlisted file could be a grant or a policy change, so it cannot be judged. Split it into pull requests of fewer than 300 files each',
      }),
    ]);
  });
});
