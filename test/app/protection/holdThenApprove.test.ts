import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../../src/config/schemaValidator.js';
import { recheckWaitingDeployments } from '../../../src/app/protection/recheckWaitingDeployments.js';
import { createOctokitProtectionPort } from '../../../src/github/protection/createOctokitProtectionPort.js';
import { grantsFiles } from './grantsFiles.js';
import { APP_ID, at, deliver, protectionHarness, requestedPayload, SEAL } from './protectionHarness.js';
import { deployment, gh, quietOctokit, waitingRun } from './protectionNock.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The deployment of run 4242, requested at 09:59:58 inside the `release` freeze (09:00 to 12:00 UTC). */
const OWN = deployment(777, '2026-11-25T09:59:58Z', { sha: '47efb7196c2a1a2fd3f52f2c59f0e2dd3d0e4d54' });
const MARKER = '<!-- grantops:hold env=production until=2026-11-25T12:00:00Z -->';
const logs: Body[] = [];
const log = {
  info: (o: Body) => logs.push(o),
  warn: (o: Body) => logs.push(o),
  error: (o: Body) => logs.push(o),
};

beforeEach(() => {
  nock.disableNetConnect();
  logs.length = 0;
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

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

describe('a freeze holds a deployment instead of rejecting it', () => {
  it('holds with a status report, stays silent on redelivery, and approves after the window', async () => {
    const { probot } = protectionHarness({ now: '2026-11-25T10:00:00Z' });
    let report: Body = {};
    const held = [
      gh.installationToken(),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments([OWN]),
      gh.approvals(4242, []),
      gh.callback((b) => (report = b)),
    ];
    await deliver(probot, requestedPayload(), 'guid-1');
    for (const scope of held) expect(scope.isDone()).toBe(true);
    // A status report: a comment and no state, so the deployment keeps waiting.
    expect(Object.keys(report).sort()).toEqual(['comment', 'environment_name']);
    expect(report.environment_name).toBe('production');
    expect(report.comment).toContain(
      '**grantops holds** @alice → `production` until 2026-11-25T12:00:00Z: a freeze is on',
    );
    expect(report.comment).toContain('- `freeze_active` [freeze]: production is frozen by `release`');
    expect(report.comment.endsWith(MARKER)).toBe(true);
    expect(report.comment.length).toBeLessThanOrEqual(1024);

    // Redelivered: the run's history already holds this report, so nothing is posted.
    const again = [
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments([OWN]),
      gh.approvals(4242, [report.comment]),
    ];
    await deliver(probot, requestedPayload(), 'guid-1');
    for (const scope of again) expect(scope.isDone()).toBe(true);

    // The sweep after the window: the same engine approves, with the grant still active.
    let answer: Body = {};
    const after = [
      gh.waitingRuns([waitingRun()]),
      gh.pendingDeployments(4242, ['production']),
      gh.protectionRules('production', [APP_ID]),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments([OWN]),
      gh.callback((b) => (answer = b)),
    ];
    const result = await sweep('2026-11-25T12:00:30Z');
    for (const scope of after) expect(scope.isDone()).toBe(true);
    expect(answer).toMatchObject({ environment_name: 'production', state: 'approved' });
    expect(answer.comment).toContain(
      '**grantops approved** @alice → `production` (`allowed`) at 2026-11-25T12:00:30Z',
    );
    expect(result).toEqual({
      rechecked: [{ runId: 4242, environment: 'production', verdict: 'approve', delivery: 'answered' }],
      failures: [],
      nextCheckAt: undefined,
    });
  });

  it('sends nothing on sweeps during the window and tells the sweep when it ends', async () => {
    for (const now of ['2026-11-25T11:00:00Z', '2026-11-25T11:01:00Z']) {
      const scopes = [
        gh.waitingRuns([waitingRun()]),
        gh.pendingDeployments(4242, ['production']),
        gh.protectionRules('production', [APP_ID]),
        gh.grantsTarball(grantsFiles()),
        gh.recordPulls(),
        gh.deployments([OWN]),
      ];
      const result = await sweep(now);
      for (const scope of scopes) expect(scope.isDone()).toBe(true);
      expect(result.rechecked).toEqual([
        {
          runId: 4242,
          environment: 'production',
          verdict: 'hold',
          delivery: 'unchanged',
          until: at('2026-11-25T12:00:00Z'),
        },
      ]);
      expect(result.nextCheckAt).toBe(at('2026-11-25T12:00:00Z'));
    }
  });
});
