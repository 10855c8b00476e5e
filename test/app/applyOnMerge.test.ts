import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitBlobSha } from '../../src/github/gitBlobSha.js';
import { github } from '../helpers/githubNock.js';
import { payload } from '../helpers/payloads.js';
import { probotHarness } from '../helpers/probotHarness.js';

const HEAD = 'a'.repeat(40);
const MERGE = 'f'.repeat(40);
const policy =
  'version: 1\nresources:\n  prod-db:\n    provider: github-team\n    team: prod-db-admins\n    max_duration: 4h\n';
const codeowners = '* @acme/security\n/grants/prod-db/ @acme/dba-leads\n';
const approved =
  'grantee: alice\nresource: prod-db\nreason: "INC-9: replica is lagging"\nexpires: 2026-11-28T12:00:00Z\n';
const pull = {
  number: 7,
  state: 'closed',
  merged: true,
  merged_at: '2026-11-28T10:00:00Z',
  merge_commit_sha: MERGE,
  title: 'prod-db for alice',
  head: { sha: HEAD, ref: 'alice/prod-db' },
  user: { login: 'alice', type: 'User' },
  created_at: '2026-11-28T09:00:00Z',
};

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function merged(options: { mergedContent: string; conclusion: string }) {
  const { probot } = probotHarness();
  let comment: Body = {};
  const scopes = [
    github.installationToken(),
    github.pullFiles(7, [
      {
        filename: 'grants/prod-db/alice.yml',
        status: 'added',
        sha: gitBlobSha(new TextEncoder().encode(approved)),
      } as never,
    ]),
    github.tarball(MERGE, {
      'access.yml': policy,
      '.github/CODEOWNERS': codeowners,
      'grants/prod-db/alice.yml': options.mergedContent,
    }),
    nock('https://api.github.com')
      .get(`/repos/acme/access-grants/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, {
        total_count: 1,
        check_runs: [
          {
            id: 1,
            head_sha: HEAD,
            external_id: 'pusher=alice;annotations=x',
            status: 'completed',
            conclusion: options.conclusion,
            app: { id: 123 },
          },
        ],
      }),
    github.comments(7),
    github.createComment(7, (b) => (comment = b)),
  ];
  await probot.receive({
    id: 'm',
    name: 'pull_request',
    payload: payload('pull_request.closed', { pull }),
  } as never);
  for (const scope of scopes) expect(scope.isDone()).toBe(true);
  expect(nock.pendingMocks()).toEqual([]); // nothing else: no membership, no reverting PR
  return comment.body as string;
}

describe('apply on merge refuses what was not approved', () => {
  it('a file whose content at the merge commit is not the approved blob', async () => {
    const body = await merged({
      mergedContent: approved.replace('12:00:00Z', '13:00:00Z'),
      conclusion: 'success',
    });
    expect(body).toMatch(
      /`grants\/prod-db\/alice\.yml`: ⛔ not applied: the file at the merge commit \([0-9a-f]{7}\) is not the approved file \([0-9a-f]{7}\)/,
    );
  });

  it("a request merged without grantops' approval (an admin merge)", async () => {
    const body = await merged({ mergedContent: approved, conclusion: 'action_required' });
    expect(body).toContain(
      `⛔ not applied: grantops' check did not pass on the merged commit ${HEAD.slice(0, 7)}: the request was not approved`,
    );
  });
});
