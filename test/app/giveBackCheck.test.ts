import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { github } from '../helpers/githubNock.js';
import { payload } from '../helpers/payloads.js';
import { probotHarness } from '../helpers/probotHarness.js';

const HEAD = 'a'.repeat(40);
const policy = `version: 1
settings: { merge: { method: squash } }
resources:
  prod-db:
    provider: github-team
    team: prod-db-admins
    max_duration: 4h
    approvals: { min: 2 }
`;
const codeowners = '* @acme/security\n/grants/prod-db/ @acme/dba-leads\n';
const grant = (who: string) =>
  `grantee: ${who}\nresource: prod-db\nreason: "INC-9: replica is lagging badly"\nexpires: 2026-11-28T12:00:00Z\n`;
const BASE = {
  'access.yml': policy,
  '.github/CODEOWNERS': codeowners,
  'grants/prod-db/bob.yml': grant('bob'),
};
const pullBy = (login: string) => ({
  number: 9,
  state: 'open',
  draft: false,
  title: 'remove prod-db for bob',
  head: { sha: HEAD, ref: `${login}/remove-bob` },
  user: { login, type: 'User' },
  created_at: '2026-11-28T09:00:00Z',
});
const approve = (login: string) => ({
  login,
  state: 'APPROVED',
  commit_id: HEAD,
  submitted_at: '2026-11-28T09:30:00Z',
});

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What judging a give-back reads: the changes and commits at the head, the default branch (not the head), reviews, owner teams. */
function mockReads(author: string, reviews: ReturnType<typeof approve>[] = []) {
  return [
    github.installationToken(),
    github.compare(`main...${HEAD}`, {
      files: [{ filename: 'grants/prod-db/bob.yml', status: 'removed' }],
      commits: [{ author }],
    }),
    github.tarball('main', BASE),
    github.reviews(9, reviews),
    github.findCheckRuns(HEAD, []),
    github.teamMembers('acme', 'dba-leads', ['dana', 'dave']),
  ];
}

async function openedBy(author: string, reviews: ReturnType<typeof approve>[] = []): Promise<Body> {
  const { probot } = probotHarness();
  let check: Body = {};
  const scopes = [...mockReads(author, reviews), github.createCheckRun((b) => (check = b))];
  await probot.receive({
    id: '1',
    name: 'pull_request',
    payload: payload('pull_request.opened', { pull: pullBy(author), sender: author }),
  } as never);
  for (const scope of scopes) expect(scope.isDone()).toBe(true);
  expect(nock.pendingMocks()).toEqual([]); // and nothing else: no label, no merge
  return check;
}

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the check of a pull request that only removes grants', () => {
  it("does not pass when someone else's grant is removed without approval, and says who must approve", async () => {
    const check = await openedBy('mallory');
    expect(check).toMatchObject({ name: 'grantops', head_sha: HEAD, conclusion: 'action_required' });
    expect(check.output.title).toBe(
      'Removing 1 grant of others needs approval: grants/prod-db/bob.yml by @acme/dba-leads or @bob',
    );
    expect(check.output.summary).toContain(
      '| grants/prod-db/bob.yml (removed) | @acme/dba-leads | 1 | — | ⏳ needs an approval by @acme/dba-leads, @bob (the grantee) |',
    );
    expect(check.output.summary).toContain('### Grants removed (access revoked on merge)');
  });

  it('passes once a code owner approves, and grantops does not merge it (it never merges removals)', async () => {
    const check = await openedBy('mallory', [approve('dana')]);
    expect(check.conclusion).toBe('success');
    expect(check.output.title).toBe('Removes 1 grant: the access is revoked on merge');
    expect(check.output.summary).toContain(
      '| grants/prod-db/bob.yml (removed) | @acme/dba-leads | 1 | @dana | ✅ removal approved |',
    );
  });

  it('passes when the grantee gives their own access back', async () => {
    const check = await openedBy('bob');
    expect(check.conclusion).toBe('success');
    expect(check.output.summary).toContain('✅ given back by its grantee @bob');
  });
});
