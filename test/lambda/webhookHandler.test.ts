import { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookHandler } from '../../src/lambda/index.js';
import {
  captureLog,
  functionUrlEvent,
  openGrantRequest,
  startLambdaWorld,
  TEST_CLIENT,
  type LambdaWorld,
} from './lambdaWorld.js';

const R = 'acme/access-grants';
let world: LambdaWorld;

beforeEach(async () => {
  world = await startLambdaWorld();
});
afterEach(async () => {
  expect(world.gh.unknownRoutes).toEqual([]);
  expect(world.gh.errors).toEqual([]);
  await world.gh.close();
});

const appRequests = () => world.gh.requests.filter((r) => r.actor?.startsWith('grantops'));

describe('the Lambda webhook handler against the emulator', () => {
  it('runs our Probot 14 App on a signed pull_request.opened and writes its check run to the PR', async () => {
    const { log, lines } = captureLog();
    const webhooks = createWebhookHandler({ env: world.env, log, client: TEST_CLIENT });
    const { pr, delivery } = await openGrantRequest(world);
    expect(delivery.status).toBe('No webhook URL configured');
    expect(world.gh.checkRuns({ repo: R, ref: pr.headSha })).toEqual([]);

    const result = await webhooks(functionUrlEvent(delivery, world.app.webhookSecret), {
      awsRequestId: 'r-1',
    });

    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    expect(world.gh.checkRuns({ repo: R, ref: pr.headSha })).toMatchObject([
      {
        name: 'grantops',
        appId: world.app.id,
        headSha: pr.headSha,
        status: 'completed',
        conclusion: 'action_required',
      },
    ]);
    expect(appRequests().map((r) => `${r.method} ${r.route}`)).toContain(
      'POST /repos/{owner}/{repo}/check-runs',
    );
    // The instance that handled the event is ours: probot 14 from our dependency tree, no other.
    const ready = lines.find((l) => l.msg === 'grantops Lambda container ready');
    expect(ready).toMatchObject({ probot: Probot.version, appId: world.app.id, baseUrl: world.gh.url });
    expect(Probot.version).toMatch(/^14\./);
    expect(lines.find((l) => l.msg === 'webhook handled')).toMatchObject({
      level: 30,
      awsRequestId: 'r-1',
      delivery: delivery.guid,
      event: 'pull_request',
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it('reuses the container: a redelivery (REST API v1 shape, base64 body) builds nothing twice and writes one check run', async () => {
    const { log, lines } = captureLog();
    const webhooks = createWebhookHandler({ env: world.env, log, client: TEST_CLIENT });
    const { pr, delivery } = await openGrantRequest(world);
    const first = functionUrlEvent(delivery, world.app.webhookSecret);
    expect((await webhooks(first)).statusCode).toBe(200);

    const headers = Object.fromEntries(
      Object.entries(first.headers ?? {}).map(([name, value]) => [
        name.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()),
        value,
      ]),
    );
    const v1 = {
      httpMethod: 'POST',
      path: '/webhooks',
      headers,
      body: Buffer.from(delivery.body).toString('base64'),
      isBase64Encoded: true,
    };
    expect(await webhooks(v1)).toMatchObject({ statusCode: 200, body: '{"ok":true}' });

    expect(
      world.gh.checkRuns({ repo: R, ref: pr.headSha }).filter((c) => c.name === 'grantops'),
    ).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'grantops Lambda container ready')).toHaveLength(1);
    // The installation token is cached in the warm container, not fetched per invocation.
    expect(
      appRequests().filter((r) => r.route === '/app/installations/{installation_id}/access_tokens'),
    ).toHaveLength(1);
  });

  it('refuses a bad signature with 401 and writes nothing', async () => {
    const { log, lines } = captureLog();
    const webhooks = createWebhookHandler({ env: world.env, log, client: TEST_CLIENT });
    const { pr, delivery } = await openGrantRequest(world);
    const before = world.gh.requests.length;

    const forged = functionUrlEvent(delivery, 'not-the-webhook-secret');
    expect(await webhooks(forged)).toEqual({
      statusCode: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'signature does not match event payload and secret' }),
    });
    const tampered = functionUrlEvent(delivery, world.app.webhookSecret);
    tampered.body = delivery.body.replace('"alice"', '"mallory"');
    expect((await webhooks(tampered)).statusCode).toBe(401);

    expect(world.gh.requests.length).toBe(before);
    expect(world.gh.checkRuns({ repo: R, ref: pr.headSha })).toEqual([]);
    expect(lines.filter((l) => l.status === 401)).toMatchObject([
      { level: 40, delivery: delivery.guid, msg: 'webhook signature does not match; check WEBHOOK_SECRET' },
      { level: 40, delivery: delivery.guid },
    ]);
  });

  it('answers malformed requests without running the App', async () => {
    const webhooks = createWebhookHandler({ env: world.env, log: captureLog().log, client: TEST_CLIENT });
    const { delivery } = await openGrantRequest(world);
    const before = world.gh.requests.length;
    const event = functionUrlEvent(delivery, world.app.webhookSecret);

    const unsigned = { ...event, headers: { ...event.headers, 'x-hub-signature-256': undefined } };
    expect(await webhooks(unsigned)).toMatchObject({
      statusCode: 400,
      body: expect.stringContaining('x-hub-signature-256'),
    });
    expect(await webhooks({ ...event, body: null })).toMatchObject({ statusCode: 400 });
    expect(await webhooks({ ...event, requestContext: { http: { method: 'GET' } } })).toMatchObject({
      statusCode: 405,
      headers: { allow: 'POST' },
    });
    const notJson = functionUrlEvent({ ...delivery, body: 'payload=%7B%7D' }, world.app.webhookSecret);
    expect(await webhooks(notJson)).toEqual(
      expect.objectContaining({ statusCode: 400, body: '{"error":"Invalid JSON"}' }),
    );
    expect(world.gh.requests.length).toBe(before);
  });

  it('answers 500 with the error when a handler fails, so GitHub shows the delivery as failed', async () => {
    const { log, lines } = captureLog();
    const webhooks = createWebhookHandler({ env: world.env, log, client: TEST_CLIENT });
    const { delivery } = await openGrantRequest(world);
    world.gh.faults.add({
      route: '/repos/{owner}/{repo}/tarball/{ref}',
      status: 500,
      body: { message: 'boom' },
    });

    const result = await webhooks(functionUrlEvent(delivery, world.app.webhookSecret));

    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      error: expect.stringMatching(/^GitHubError: grantops: reading acme\/access-grants at main failed/),
    });
    expect(lines.find((l) => l.msg === 'webhook handler failed')).toMatchObject({ level: 50, status: 500 });
  });
});
