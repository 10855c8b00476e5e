import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/app/readAppConfig.js';
import { createSweepHandler, createWebhookHandler } from '../../src/lambda/index.js';
import {
  captureLog,
  functionUrlEvent,
  openGrantRequest,
  startLambdaWorld,
  TEST_CLIENT,
  type LambdaWorld,
} from './lambdaWorld.js';

const R = 'acme/access-grants';

/** What EventBridge Scheduler hands the target (the handler does not read it). */
const scheduledEvent = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-11-30T09:00:00Z',
  region: 'eu-central-1',
  resources: ['arn:aws:events:eu-central-1:123456789012:rule/grantops-sweep'],
  detail: {},
};

let world: LambdaWorld;
beforeEach(async () => {
  world = await startLambdaWorld();
});
afterEach(async () => {
  expect(world.gh.unknownRoutes).toEqual([]);
  expect(world.gh.errors).toEqual([]);
  await world.gh.close();
});

describe('the Lambda sweep handler against the emulator', () => {
  it('sweeps every installation once and returns the report; a second sweep writes nothing', async () => {
    // A request (two approvals, no auto-approval) judged through the webhook entry, then swept
    // after its grant would have expired: the sweep closes it unapproved.
    const webhooks = createWebhookHandler({ env: world.env, log: captureLog().log, client: TEST_CLIENT });
    const { pr, delivery } = await openGrantRequest(world, { resource: 'infra-repo-admin', hours: 0.75 });
    expect((await webhooks(functionUrlEvent(delivery, world.app.webhookSecret))).statusCode).toBe(200);
    const { log, lines } = captureLog();
    const later = () => Date.now() + 3_600_000;
    const sweep = createSweepHandler({ env: world.env, log, client: TEST_CLIENT, deps: { now: later } });

    const report = await sweep(scheduledEvent, { awsRequestId: 's-1' });

    expect(report.installations).toEqual([
      expect.objectContaining({
        installation: world.installation.id,
        grantsRepo: 'acme/access-grants',
        staleJudged: 1,
        errors: [],
      }),
    ]);
    expect(world.gh.pulls(R).find((p) => p.number === pr.number)).toMatchObject({
      state: 'closed',
      merged: false,
    });
    expect(world.gh.comments({ repo: R, number: pr.number })).toEqual([
      expect.objectContaining({ user: 'grantops[bot]' }),
    ]);
    expect(lines.find((l) => l.msg === 'sweep done')).toMatchObject({
      level: 30,
      awsRequestId: 's-1',
      installations: 1,
      errors: 0,
      durationMs: expect.any(Number),
    });
    const writes = () => world.gh.requests.filter((r) => r.method !== 'GET').length;
    const before = writes();
    const again = await sweep(scheduledEvent);
    expect(again.installations).toEqual([expect.objectContaining({ staleJudged: 0, errors: [] })]);
    expect(writes()).toBe(before);
    expect(lines.filter((l) => l.msg === 'grantops Lambda container ready')).toHaveLength(1);
  });
});

describe('settings', () => {
  it('fails each handler with readAppConfig’s message, logged, and calls nothing', async () => {
    const { log, lines } = captureLog();
    const env = { GITHUB_API_URL: world.gh.url };
    const webhooks = createWebhookHandler({ env, log });
    const sweep = createSweepHandler({ env, log });

    await expect(webhooks({ body: '{}' })).rejects.toThrow(ConfigError);
    await expect(sweep(scheduledEvent)).rejects.toThrow(
      /set these environment variables[\s\S]*APP_ID[\s\S]*PRIVATE_KEY[\s\S]*WEBHOOK_SECRET/,
    );
    expect(lines.filter((l) => l.level === 50)).toHaveLength(2);
    expect(lines[0]).toMatchObject({ err: { type: 'ConfigError' }, msg: expect.stringContaining('APP_ID') });
    expect(world.gh.requests).toEqual([]);
  });
});
