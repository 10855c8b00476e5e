import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recheckWaitingDeployments } from '../../../src/app/protection/recheckWaitingDeployments.js';
import { createSchemaValidator } from '../../../src/config/schemaValidator.js';
import { createOctokitProtectionPort } from '../../../src/github/protection/createOctokitProtectionPort.js';
import { grantsFiles, POLICY } from './grantsFiles.js';
import { APP_ID, at, SEAL } from './protectionHarness.js';
import { API, deployment, gh, HEAD_SHA, quietOctokit, waitingRun } from './protectionNock.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OWN = deployment(777, '2026-11-25T09:59:58Z', { sha: HEAD_SHA });
/** A second one-off freeze after a gap: a sweep that missed the gap finds the run held anew. */
const WITH_REVIEW_FREEZE = POLICY.replace(
  '    max_deploys:',
  '      - { name: review, from: 2026-11-25T12:30:00, to: 2026-11-25T14:00:00, timezone: UTC }\n    max_deploys:',
);
const errors: Body[] = [];
const log = { info: () => {}, warn: () => {}, error: (o: Body) => errors.push(o) };

beforeEach(() => {
  nock.disableNetConnect();
  errors.length = 0;
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function sweep(now: string, maxRuns?: number) {
  return recheckWaitingDeployments({
    port: createOctokitProtectionPort(quietOctokit()),
    repo: { owner: 'acme', repo: 'web' },
    grantsRepo: { owner: 'acme', repo: 'access-grants' },
    appId: APP_ID,
    seal: SEAL,
    now: at(now),
    validator: createSchemaValidator(),
    log,
    ...(maxRuns ? { maxRuns } : {}),
  });
}

/** Everything one sweep of run 4242 reads before it answers (alice's record only while her grant is in force). */
const reads = (files = grantsFiles(), history = [OWN], record = true) => [
  gh.waitingRuns([waitingRun()]),
  gh.pendingDeployments(4242, ['production']),
  gh.protectionRules('production', [APP_ID]),
  gh.grantsTarball(files),
  ...(record ? [gh.recordPulls()] : []),
  gh.deployments(history),
];

describe('recheckWaitingDeployments', () => {
  it('rejects a held deployment when something else fails once the freeze ends (the grant expired)', async () => {
    let answer: Body = {};
    const scopes = [...reads(grantsFiles(), [], false), gh.callback((b) => (answer = b))];
    const result = await sweep('2026-11-25T16:30:00Z');
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('(`grant_expired`)');
    expect(result.rechecked).toEqual([
      { runId: 4242, environment: 'production', verdict: 'reject', delivery: 'answered' },
    ]);
  });

  it('announces a hold by a window that began after the request once, however often it sweeps', async () => {
    const files = grantsFiles({ 'access.yml': WITH_REVIEW_FREEZE });
    const old = '<!-- grantops:hold env=production until=2026-11-25T12:00:00Z -->';
    let report: Body = {};
    const first = [...reads(files), gh.approvals(4242, [old]), gh.callback((b) => (report = b))];
    const result = await sweep('2026-11-25T12:45:00Z');
    for (const scope of first) expect(scope.isDone()).toBe(true);
    expect(report.state).toBeUndefined();
    expect(report.comment).toContain('until 2026-11-25T14:00:00Z');
    expect(report.comment).toContain('<!-- grantops:hold env=production until=2026-11-25T14:00:00Z -->');
    expect(result.rechecked[0]).toMatchObject({ verdict: 'hold', delivery: 'reported' });
    expect(result.nextCheckAt).toBe(at('2026-11-25T14:00:00Z'));

    const second = [...reads(files), gh.approvals(4242, [old, report.comment])];
    const again = await sweep('2026-11-25T12:50:00Z');
    for (const scope of second) expect(scope.isDone()).toBe(true);
    expect(again.rechecked[0]).toMatchObject({ verdict: 'hold', delivery: 'already-reported' });
  });

  it('treats a rule answered meanwhile (by a webhook or another replica) as done', async () => {
    const scopes = [...reads(), gh.callback(() => {}, 422)];
    const result = await sweep('2026-11-25T12:00:30Z');
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(result.rechecked[0]).toMatchObject({ verdict: 'approve', delivery: 'already-answered' });
  });

  it('leaves environments guarded by other Apps alone and reads no grants for them', async () => {
    const scopes = [
      gh.waitingRuns([waitingRun()], 5),
      gh.pendingDeployments(4242, ['production']),
      gh.protectionRules('production', [999]),
    ];
    const result = await sweep('2026-11-25T12:00:30Z', 5);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ rechecked: [], failures: [], nextCheckAt: undefined });
  });

  it('decides the other runs when one fails, and reports the failure', async () => {
    const broken = waitingRun({ id: 9001 });
    const scopes = [
      gh.waitingRuns([broken, waitingRun()]),
      nock(API)
        .get('/repos/acme/web/actions/runs/9001/pending_deployments')
        .reply(502, { message: 'Bad Gateway' }),
      gh.pendingDeployments(4242, ['production']),
      gh.protectionRules('production', [APP_ID]),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments([OWN]),
      gh.callback(() => {}),
    ];
    const result = await sweep('2026-11-25T12:00:30Z');
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(result.rechecked).toHaveLength(1);
    expect(result.failures).toEqual([
      { runId: 9001, error: expect.objectContaining({ kind: 'unavailable' }) },
    ]);
    expect(errors).toContainEqual(expect.objectContaining({ run: 9001, repo: 'acme/web' }));
  });

  it('costs one call when nothing waits', async () => {
    const scope = gh.waitingRuns([]);
    expect(await sweep('2026-11-25T12:00:30Z')).toEqual({
      rechecked: [],
      failures: [],
      nextCheckAt: undefined,
    });
    expect(scope.isDone()).toBe(true);
  });
});
