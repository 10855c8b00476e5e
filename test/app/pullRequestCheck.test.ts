import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { github } from '../helpers/githubNock.js';
import { payload } from '../helpers/payloads.js';
import { probotHarness } from '../helpers/probotHarness.js';

const HEAD = 'a'.repeat(40);
const OLD = 'e'.repeat(40);
const policy = `version: 1
settings: { merge: { method: squash } }
resources:
  prod-db:
    provider: github-team
    team: prod-db-admins
    max_duration: 4h
    approvals: { min: 2 }
  staging:
    provider: environment
    environment: staging
`;
const codeowners = '* @acme/security\n/grants/prod-db/ @acme/dba-leads\n/grants/staging/ @acme/release\n';
const BASE = { 'access.yml': policy, '.github/CODEOWNERS': codeowners };
const grant = (who: string, resource = 'prod-db') =>
  `grantee: ${who}\nresource: ${resource}\nreason: "INC-9: replica is lagging badly"\nexpires: 2026-11-28T12:00:00Z\n`;
const pull = {
  number: 7,
  state: 'open',
  draft: false,
  title: 'prod-db for alice',
  head: { sha: HEAD, ref: 'alice/prod-db' },
  user: { login: 'alice', type: 'User' },
  created_at: '2026-11-28T09:00:00Z',
};
const approve = (login: string, commit_id = HEAD) => ({
  login,
  state: 'APPROVED',
  commit_id,
  submitted_at: '2026-11-28T09:30:00Z',
});

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Mocks everything one evaluation of a single-grant request reads. */
function mockReads(
  options: {
    head?: Record<string, string>;
    files?: { filename: string; status?: string }[];
    reviews?: ReturnType<typeof approve>[];
    commits?: { author: string; committer?: string }[];
    checkRuns?: { id: number; external_id: string }[];
    teams?: Record<string, string[] | 404>;
  } = {},
) {
  const head = options.head ?? { ...BASE, 'grants/prod-db/alice.yml': grant('alice') };
  const files =
    options.files ??
    Object.keys(head)
      .filter((p) => !(p in BASE) || head[p] !== BASE[p as keyof typeof BASE])
      .map((filename) => ({ filename }));
  return [
    github.installationToken(),
    github.compare(`main...${HEAD}`, { files, commits: options.commits ?? [{ author: 'alice' }] }),
    github.tarball('main', BASE),
    github.tarball(HEAD, head),
    github.reviews(7, options.reviews ?? []),
    github.findCheckRuns(HEAD, options.checkRuns ?? []),
    ...Object.entries(options.teams ?? { 'dba-leads': ['dana', 'dave'] }).map(([slug, logins]) =>
      github.teamMembers('acme', slug, logins),
    ),
    github.addLabels(7, ['grantops:request']),
  ];
}

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the pull-request check', () => {
  it('on opened: creates one check run that lists the grant, the owners and what is missing', async () => {
    const { probot } = probotHarness();
    let check: Body = {};
    const scopes = [...mockReads(), github.createCheckRun((b) => (check = b))];
    await probot.receive({
      id: '1',
      name: 'pull_request',
      payload: payload('pull_request.opened', { pull, sender: 'alice' }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(check).toMatchObject({
      name: 'grantops',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'action_required',
      external_id: expect.stringMatching(/^pusher=alice;annotations=[0-9a-f]{16};expires=1795867200$/),
    });
    expect(check.output.title).toBe('Waiting for 2 more code-owner approvals');
    expect(check.output.summary).toContain(
      '| @alice | prod-db | member | on merge | 2026-11-28T12:00:00Z | INC-9: replica is lagging badly |  |',
    );
    expect(check.output.summary).toContain(
      '| grants/prod-db/alice.yml | @acme/dba-leads | 2 | — | ⏳ needs 2 more |',
    );
    expect(check.output.annotations).toEqual([]);
  });

  it('on approval by two owners: passes and merges at the evaluated head commit', async () => {
    const { probot, logs } = probotHarness();
    let update: Body = {};
    let merge: Body = {};
    const scopes = [
      ...mockReads({
        reviews: [approve('dana'), approve('dave')],
        checkRuns: [{ id: 42, external_id: 'pusher=alice;annotations=4f53cda18c2baa0c' }],
      }),
      github.updateCheckRun(42, (b) => (update = b)),
      github.merge(7, (b) => (merge = b)),
    ];
    await probot.receive({
      id: '2',
      name: 'pull_request_review',
      payload: payload('pull_request_review.submitted', {
        pull,
        review: { state: 'approved', user: { login: 'dave' }, commit_id: HEAD },
      }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(update).toMatchObject({
      conclusion: 'success',
      external_id: 'pusher=alice;annotations=4f53cda18c2baa0c;expires=1795867200',
      output: { title: 'Approved: 1 grant ready to apply on merge' },
    });
    expect(merge).toEqual({ sha: HEAD, merge_method: 'squash', commit_title: 'prod-db for alice (#7)' });
    expect(logs.lines).toContainEqual(expect.objectContaining({ msg: 'merged approved request #7', pr: 7 }));
  });

  it('puts every problem on the check as an annotation at its file and line', async () => {
    const { probot } = probotHarness();
    let check: Body = {};
    const head = { ...BASE, 'grants/staging/alice.yml': grant('alice', 'prod-db') };
    const scopes = [
      ...mockReads({ head, teams: { release: ['rita'] } }),
      github.createCheckRun((b) => (check = b)),
    ];
    await probot.receive({
      id: '3',
      name: 'pull_request',
      payload: payload('pull_request.opened', { pull, sender: 'alice' }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(check.conclusion).toBe('failure');
    expect(check.output.annotations).toEqual([
      expect.objectContaining({
        path: 'grants/staging/alice.yml',
        start_line: 2,
        end_line: 2,
        start_column: 11,
        annotation_level: 'failure',
        title: 'grant-wrong-folder',
      }),
    ]);
  });

  it('sends annotations 50 a request', async () => {
    const { probot } = probotHarness();
    const head: Record<string, string> = { ...BASE };
    for (let i = 0; i < 60; i++) head[`grants/staging/u${i}.yml`] = grant(`u${i}`, 'prod-db');
    const bodies: Body[] = [];
    const scopes = [
      ...mockReads({ head, teams: { release: ['rita'] } }),
      github.createCheckRun((b) => bodies.push(b)),
      github.updateCheckRun(99, (b) => bodies.push(b)),
    ];
    await probot.receive({
      id: '4',
      name: 'pull_request',
      payload: payload('pull_request.opened', { pull, sender: 'alice' }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(bodies.map((b) => b.output.annotations.length)).toEqual([50, 10]);
  });
});

const EMPTY_DIGEST = '4f53cda18c2baa0c';

describe('attacks on approval, through real webhook payloads', () => {
  async function reviewRound(options: Parameters<typeof mockReads>[0] & { pusher?: string }) {
    const { probot } = probotHarness();
    let update: Body = {};
    const scopes = [
      ...mockReads({
        ...options,
        checkRuns: [
          { id: 42, external_id: `pusher=${options.pusher ?? 'alice'};annotations=${EMPTY_DIGEST}` },
        ],
      }),
      github.updateCheckRun(42, (b) => (update = b)),
    ];
    await probot.receive({
      id: 'r',
      name: 'pull_request_review',
      payload: payload('pull_request_review.submitted', {
        pull,
        review: { state: 'approved', user: { login: 'dave' }, commit_id: HEAD },
      }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    return update;
  }

  it.each([
    [
      'by the grantee',
      { head: { ...BASE, 'grants/prod-db/dave.yml': grant('dave') } },
      '@dave: a grantee cannot approve their own access',
    ],
    [
      'by the author',
      {
        commits: [{ author: 'alice' }],
        reviews: [approve('dana'), approve('alice')],
        teams: { 'dba-leads': ['dana', 'alice'] },
      },
      '@alice: the author of a request cannot approve it',
    ],
    ['by the last pusher', { pusher: 'dave' }, '@dave: the last pusher cannot approve what they pushed'],
    [
      'on an older commit',
      { reviews: [approve('dana'), approve('dave', OLD)] },
      '@dave: the approval is for an older commit (eeeeeee); approve the current one',
    ],
  ])('an approval %s does not count and nothing is merged', async (_name, options, line) => {
    const update = await reviewRound({
      reviews: [approve('dana'), approve('dave')],
      ...options,
    } as Parameters<typeof reviewRound>[0]);
    expect(update.conclusion).toBe('action_required');
    expect(update.output.summary).toContain(`- ${line}`);
  });

  it('an approver who left the owning team no longer counts', async () => {
    const update = await reviewRound({
      reviews: [approve('dana'), approve('dave')],
      teams: { 'dba-leads': ['dana'] },
    });
    expect(update.conclusion).toBe('action_required');
    expect(update.output.summary).toContain(
      '| grants/prod-db/alice.yml | @acme/dba-leads | 2 | @dana | ⏳ needs 1 more |',
    );
  });

  it('an owner added to CODEOWNERS in the same PR, or a policy change with a grant, fails the check', async () => {
    for (const extra of [
      { '.github/CODEOWNERS': `${codeowners}/grants/prod-db/ @alice\n` },
      { 'access.yml': policy.replace('min: 2', 'min: 1') },
    ]) {
      const { probot } = probotHarness();
      let check: Body = {};
      const head = { ...BASE, 'grants/prod-db/alice.yml': grant('alice'), ...extra };
      const files = [
        { filename: 'grants/prod-db/alice.yml' },
        { filename: Object.keys(extra)[0]!, status: 'modified' },
      ];
      const scopes = [
        github.installationToken(),
        github.compare(`main...${HEAD}`, { files }),
        github.findCheckRuns(HEAD),
        github.createCheckRun((b) => (check = b)),
      ];
      await probot.receive({
        id: 'm',
        name: 'pull_request',
        payload: payload('pull_request.opened', { pull, sender: 'alice' }),
      } as never);
      for (const scope of scopes) expect(scope.isDone()).toBe(true);
      expect(check).toMatchObject({
        conclusion: 'failure',
        output: { title: 'Split this pull request: grants cannot change together with other files' },
      });
      expect(check.output.annotations[0]).toMatchObject({
        path: Object.keys(extra)[0],
        title: 'request-mixed',
      });
      void head;
    }
  });

  it('a merge after a new push is refused by GitHub (head moved) and nothing else happens', async () => {
    const { probot, logs } = probotHarness();
    let merge: Body = {};
    const scopes = [
      ...mockReads({
        reviews: [approve('dana'), approve('dave')],
        checkRuns: [{ id: 42, external_id: `pusher=alice;annotations=${EMPTY_DIGEST}` }],
      }),
      github.updateCheckRun(42, () => undefined),
      github.merge(7, (b) => (merge = b), 409),
    ];
    await probot.receive({
      id: 'x',
      name: 'pull_request_review',
      payload: payload('pull_request_review.submitted', { pull }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(merge.sha).toBe(HEAD);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        msg: '#7 changed while it was judged; the new head is judged on its own event',
      }),
    );
  });
});

describe('idempotency and the other triggers', () => {
  it('a redelivered opened event updates the existing check run instead of creating a second', async () => {
    const { probot } = probotHarness();
    let update: Body = {};
    const scopes = [
      ...mockReads({ checkRuns: [{ id: 42, external_id: `pusher=alice;annotations=${EMPTY_DIGEST}` }] }),
      github.updateCheckRun(42, (b) => (update = b)),
    ];
    await probot.receive({
      id: '1',
      name: 'pull_request',
      payload: payload('pull_request.opened', { pull, sender: 'alice' }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(update).toMatchObject({ conclusion: 'action_required', output: { annotations: [] } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a synchronize event records its sender as the pusher of the new head', async () => {
    const { probot } = probotHarness();
    let check: Body = {};
    const scopes = [...mockReads(), github.createCheckRun((b) => (check = b))];
    await probot.receive({
      id: 's',
      name: 'pull_request',
      payload: payload('pull_request.synchronize', { pull, sender: 'mallory' }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(check.external_id).toMatch(/^pusher=mallory;/);
  });

  it("check_run.rerequested on grantops' check judges its pull request again", async () => {
    const { probot } = probotHarness();
    let update: Body = {};
    const scopes = [
      github.getPull(7, {
        ...pull,
        base: { ref: 'main', sha: 'f'.repeat(40) },
        labels: [],
        body: '',
        merge_commit_sha: null,
      }),
      ...mockReads({ checkRuns: [{ id: 42, external_id: `pusher=alice;annotations=${EMPTY_DIGEST}` }] }),
      github.updateCheckRun(42, (b) => (update = b)),
    ];
    const event = payload('check_run.rerequested', {
      check_run: { name: 'grantops', head_sha: HEAD, app: { id: 123 }, pull_requests: [{ number: 7 }] },
    });
    await probot.receive({ id: 'c', name: 'check_run', payload: event } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(update.conclusion).toBe('action_required');
  });

  it("ignores a rerequest of another app's check of the same name", async () => {
    const { probot } = probotHarness();
    const event = payload('check_run.rerequested', {
      check_run: { name: 'grantops', app: { id: 999 }, pull_requests: [{ number: 7 }] },
    });
    await probot.receive({ id: 'c2', name: 'check_run', payload: event } as never);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('closes a request whose grants all expired before approval, with one comment', async () => {
    const { probot } = probotHarness({ now: '2026-11-28T13:00:00Z' });
    let comment: Body = {};
    const scopes = [
      ...mockReads(),
      github.createCheckRun(() => undefined),
      github.comments(7),
      github.createComment(7, (b) => (comment = b)),
      github.closePull(7),
    ];
    await probot.receive({
      id: 'st',
      name: 'pull_request',
      payload: payload('pull_request.opened', { pull, sender: 'alice' }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(comment.body).toContain('<!-- grantops:stale-request -->');
  });

  it('does not comment twice on a redelivered stale request', async () => {
    const { probot } = probotHarness({ now: '2026-11-28T13:00:00Z' });
    const scopes = [
      ...mockReads(),
      github.createCheckRun(() => undefined),
      github.comments(7, [
        {
          id: 5,
          body: 'Every grant in this request expired before it was approved, so grantops closed it. Open a new request if the access is still needed.\n\n<!-- grantops:stale-request -->',
        },
      ]),
      github.closePull(7),
    ];
    await probot.receive({
      id: 'st',
      name: 'pull_request',
      payload: payload('pull_request.opened', { pull, sender: 'alice' }),
    } as never);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
