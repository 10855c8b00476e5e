import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grant, grantsFiles } from './grantsFiles.js';
import { deliver, protectionHarness, requestedPayload } from './protectionHarness.js';
import { deployment, gh, recordBody, recordPull } from './protectionNock.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NOW = '2026-11-25T13:00:00Z';
const ALICE = 'grants/deploy-production/alice.yml';
const HISTORY = [deployment(777, '2026-11-25T12:59:58Z', { creator: { login: 'alice' } })];

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Decides alice's deploy with the given reverting PRs of her grant file. */
async function decide(pulls: Body[], files = grantsFiles()) {
  const { probot, logs } = protectionHarness({ now: NOW });
  let answer: Body = {};
  const scopes = [
    gh.installationToken(),
    gh.grantsTarball(files),
    gh.recordPulls(ALICE, pulls),
    gh.deployments(HISTORY),
    gh.callback((b) => (answer = b)),
  ];
  await deliver(probot, requestedPayload());
  for (const scope of scopes) expect(scope.isDone()).toBe(true);
  return { answer, logs };
}

describe('the protection rule counts a grant only when grantops applied it', () => {
  it.each([
    ['applied', 'applied'],
    ['pending (an invitation sent)', 'pending'],
    ['scheduled (merged, starts later; the sweep has not flipped it yet)', 'scheduled'],
  ] as const)('approves on a sealed record that names the file as read, %s', async (_case, state) => {
    const { answer } = await decide([recordPull(12, recordBody(ALICE, { state }))]);
    expect(answer.state).toBe('approved');
  });

  it('rejects a grant pushed straight to the default branch (no reverting PR, no record)', async () => {
    const { answer, logs } = await decide([]);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('(`grant_not_applied`)');
    expect(answer.comment).toContain(
      `alice's grant ${ALICE} reached the default branch without grantops applying it`,
    );
    expect(logs).toContainEqual(
      expect.objectContaining({ file: ALICE, msg: expect.stringContaining('no sealed record') }),
    );
  });

  it('rejects a grant edited on the default branch after grantops applied it (the blob differs)', async () => {
    const edited = (grantsFiles()[ALICE] ?? '').replace('16:00:00Z', '16:30:00Z');
    const { answer } = await decide([recordPull(12, recordBody(ALICE))], grantsFiles({ [ALICE]: edited }));
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('(`grant_not_applied`)');
  });

  it.each([
    ['revoked (given back, then pushed again)', 'revoked'],
    ['apply-failed', 'apply-failed'],
    ['applying (not finished)', 'applying'],
  ] as const)('rejects on a record that is %s', async (_case, state) => {
    const { answer } = await decide([recordPull(12, recordBody(ALICE, { state }))]);
    expect(answer.comment).toContain('(`grant_not_applied`)');
  });

  it('ignores a forged seal, a record about another file, and a PR into another branch', async () => {
    const forged = recordBody(ALICE).replace(/seal:[0-9a-f]+/, `seal:${'0'.repeat(64)}`);
    const other = recordBody(ALICE, { file: 'grants/deploy-production/dave.yml' });
    const { answer } = await decide([
      recordPull(14, forged),
      recordPull(13, other),
      recordPull(12, recordBody(ALICE), 'release'),
    ]);
    expect(answer.comment).toContain('(`grant_not_applied`)');
  });

  it('takes the newest sealed record: an older applied one does not outlive a newer revoked one', async () => {
    const { answer } = await decide([
      recordPull(15, recordBody(ALICE, { state: 'revoked' }, undefined, undefined, 15)),
      recordPull(12, recordBody(ALICE)),
    ]);
    expect(answer.comment).toContain('(`grant_not_applied`)');
  });

  it('fails closed when the records cannot be read (403), and keeps waiting on a 5xx', async () => {
    const { probot } = protectionHarness({ now: NOW });
    let answer: Body = {};
    const forbidden = [
      gh.installationToken(),
      gh.grantsTarball(grantsFiles()),
      nock('https://api.github.com')
        .get('/repos/acme/access-grants/pulls')
        .query(true)
        .reply(403, { message: 'no' }),
      gh.deployments(HISTORY),
      gh.callback((b) => (answer = b)),
    ];
    await deliver(probot, requestedPayload());
    for (const scope of forbidden) expect(scope.isDone()).toBe(true);
    expect(answer.comment).toContain('(`grant_not_applied`)');

    const unavailable = [
      gh.grantsTarball(grantsFiles()),
      nock('https://api.github.com')
        .get('/repos/acme/access-grants/pulls')
        .query(true)
        .reply(502, { message: 'no' }),
    ];
    await expect(deliver(probot, requestedPayload(), 'guid-2')).rejects.toThrow(/grant record/);
    for (const scope of unavailable) expect(scope.isDone()).toBe(true);
  });

  it('reads records only for the deployer and re-runner grants in force, one call each', async () => {
    const { probot } = protectionHarness({ now: NOW });
    const files = grantsFiles({
      'grants/deploy-production/carol.yml': grant(
        'carol',
        'deploy-production',
        '2026-11-25T08:30:00Z',
        '2026-11-25T16:00:00Z',
      ),
      'grants/deploy-production/dave.yml': grant(
        'dave',
        'deploy-production',
        '2026-11-25T08:30:00Z',
        '2026-11-25T16:00:00Z',
      ),
    });
    const carol = 'grants/deploy-production/carol.yml';
    let answer: Body = {};
    const scopes = [
      gh.installationToken(),
      gh.grantsTarball(files),
      gh.recordPulls(ALICE),
      gh.recordPulls(carol, [
        recordPull(20, recordBody(carol, { grantee: 'carol' }, files[carol], undefined, 20)),
      ]),
      gh.deployments(HISTORY),
      gh.callback((b) => (answer = b)),
    ];
    await deliver(probot, requestedPayload({ creator: 'alice', sender: 'carol' }));
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(answer.state).toBe('approved');
  });
});
