import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recheckWaitingDeployments } from '../../../src/app/protection/recheckWaitingDeployments.js';
import { createSchemaValidator } from '../../../src/config/schemaValidator.js';
import { createOctokitProtectionPort } from '../../../src/github/protection/createOctokitProtectionPort.js';
import { grantsFiles } from './grantsFiles.js';
import { APP_ID, at, SEAL } from './protectionHarness.js';
import { deployment, gh, quietOctokit, waitingRun } from './protectionNock.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const log = { info: () => {}, warn: () => {}, error: () => {} };

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

// POLICY: production has max_deploys { count: 2, per: 1h } and a `release` freeze 09:00-12:00 UTC.
// Four runs were requested inside the freeze, never more than 2 an hour, so each was held:
// 09:05, 09:10, then 10:15, 10:20 (the first two have left the 1h window by then).
const RUNS = [
  { id: 1, created: '2026-11-25T09:05:00Z' },
  { id: 2, created: '2026-11-25T09:10:00Z' },
  { id: 3, created: '2026-11-25T10:15:00Z' },
  { id: 4, created: '2026-11-25T10:20:00Z' },
];
const sha = (id: number) => `${id}`.repeat(40);
/** The deployments of the four runs, newest first as GitHub lists them. */
const HISTORY = [...RUNS].reverse().map((r) => deployment(100 + r.id, r.created, { sha: sha(r.id) }));
const waiting = (ids: number[]) =>
  RUNS.filter((r) => ids.includes(r.id)).map((r) =>
    waitingRun({ id: r.id, head_sha: sha(r.id), run_started_at: r.created }),
  );

function sweep(now: string) {
  return recheckWaitingDeployments({
    port: createOctokitProtectionPort(quietOctokit()),
    repo: { owner: 'acme', repo: 'web' },
    grantsRepo: { owner: 'acme', repo: 'access-grants' },
    appId: APP_ID,
    seal: SEAL,
    now: at(now),
    validator: createSchemaValidator(),
    log,
  });
}

describe('held deployments go out within max_deploys when the freeze ends', () => {
  it('releases the two oldest, holds the rest until a slot frees, and counts releases across sweeps', async () => {
    // GitHub lists waiting runs newest first; the sweep answers the oldest first.
    const answers: Body[] = [];
    const first = [
      gh.waitingRuns(waiting([1, 2, 3, 4]).reverse()),
      ...RUNS.map((r) => gh.pendingDeployments(r.id, ['production'])),
      gh.protectionRules('production', [APP_ID]),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(), // alice's grant: one record read for the whole sweep
      gh.deployments(HISTORY), // one history read for the whole sweep; all four still wait
      gh.callback((b) => answers.push({ run: 1, ...b }), 204, 1),
      gh.callback((b) => answers.push({ run: 2, ...b }), 204, 2),
      gh.approvals(3, []),
      gh.callback((b) => answers.push({ run: 3, ...b }), 204, 3),
      gh.approvals(4, []),
      gh.callback((b) => answers.push({ run: 4, ...b }), 204, 4),
    ];
    const result = await sweep('2026-11-25T12:00:30Z');
    for (const scope of first) expect(scope.isDone()).toBe(true);
    expect(answers.map((a) => [a.run, a.state ?? 'held'])).toEqual([
      [1, 'approved'],
      [2, 'approved'],
      [3, 'held'],
      [4, 'held'],
    ]);
    expect(answers[2]?.comment).toContain(
      'until 2026-11-25T13:00:30Z: the deploy limit is reached (`deploy_limit_reached`)',
    );
    expect(answers[2]?.comment).toContain('2 deploys to production in the last 1h (limit 2)');
    expect(result.nextCheckAt).toBe(at('2026-11-25T13:00:30Z'));

    // A minute later: runs 1 and 2 went out at 12:00:30 (their statuses say so), so 3 and 4 wait on.
    const released = (id: number) =>
      gh.deploymentStatuses(100 + id, [
        { state: 'in_progress', created_at: '2026-11-25T12:00:30Z' },
        { state: 'waiting', created_at: RUNS[id - 1]!.created },
      ]);
    const second = [
      gh.waitingRuns(waiting([3, 4]).reverse()),
      gh.pendingDeployments(3, ['production']),
      gh.pendingDeployments(4, ['production']),
      gh.protectionRules('production', [APP_ID]),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments(HISTORY),
      released(2),
      released(1),
      gh.approvals(3, [answers[2]?.comment as string]),
      gh.approvals(4, [answers[3]?.comment as string]),
    ];
    const again = await sweep('2026-11-25T12:01:30Z');
    for (const scope of second) expect(scope.isDone()).toBe(true);
    expect(again.rechecked.map((r) => [r.runId, r.verdict, r.delivery])).toEqual([
      [3, 'hold', 'already-reported'],
      [4, 'hold', 'already-reported'],
    ]);

    // Once the slots free, the last two go out.
    const states: string[] = [];
    const third = [
      gh.waitingRuns(waiting([3, 4]).reverse()),
      gh.pendingDeployments(3, ['production']),
      gh.pendingDeployments(4, ['production']),
      gh.protectionRules('production', [APP_ID]),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments(HISTORY),
      released(2),
      gh.callback((b) => states.push(b.state), 204, 3),
      gh.callback((b) => states.push(b.state), 204, 4),
    ];
    await sweep('2026-11-25T13:00:31Z');
    for (const scope of third) expect(scope.isDone()).toBe(true);
    expect(states).toEqual(['approved', 'approved']);
  });
});
