import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planApply, planRevoke } from '../../src/core/access/index.js';
import type { Resource } from '../../src/core/types.js';
import type { AccessTarget } from '../../src/providers/provider.js';
import {
  createWebhookProvider,
  type WebhookProviderOptions,
} from '../../src/providers/webhook/createWebhookProvider.js';
import { startReceiver, type ForcedAnswer, type Receiver, type ReceivedRequest } from './webhookReceiver.js';

const SECRET = 'receiver-secret';
const NOW = Date.parse('2026-11-28T09:00:00Z');
const grant = { action: 'set', from: 'none', to: 'granted', reason: 'grant' } as const;
const removal = { action: 'remove', from: 'granted', reason: 'restore-previous' } as const;

let receiver: Receiver;
let forced: ((request: ReceivedRequest) => ForcedAnswer | undefined) | undefined;

const target = (overrides: Partial<AccessTarget> = {}): AccessTarget => {
  const resource: Resource = {
    provider: 'webhook',
    url: receiver.url,
    secret_env: 'CLOUD_IAM_SECRET',
    roles: ['read', 'write'],
  };
  return {
    resourceName: 'cloud-iam',
    resource,
    grantee: 'alice',
    role: 'write',
    grantId: 'grants/cloud-iam/alice.yml',
    expires: '2026-11-28T18:00:00Z',
    ...overrides,
  };
};
const provider = (options: Partial<WebhookProviderOptions> = {}) =>
  createWebhookProvider({
    env: { CLOUD_IAM_SECRET: SECRET },
    clock: () => NOW,
    timeoutMs: 2_000,
    ...options,
  });

describe('webhook provider against a loopback receiver', () => {
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    forced = undefined;
    receiver = await startReceiver({ secret: SECRET, now: () => NOW, force: (request) => forced?.(request) });
  });
  afterEach(async () => {
    await receiver.close();
    nock.enableNetConnect();
  });

  it('grants with a signed request carrying the contract body and headers', async () => {
    const webhook = provider();
    expect(await webhook.read(target())).toBe('none');
    expect(await webhook.apply(target(), planApply({ before: 'none', desired: 'granted' }))).toEqual({
      status: 'applied',
      level: 'granted',
    });
    const sent = receiver.requests[1]!;
    expect(sent.check).toEqual({ valid: true });
    expect(sent.body).toEqual({
      version: 1,
      action: 'grant',
      grant_id: 'grants/cloud-iam/alice.yml',
      grantee: 'alice',
      resource: 'cloud-iam',
      role: 'write',
      expires: '2026-11-28T18:00:00Z',
      idempotency_key: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(sent.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'grantops',
      'x-grantops-timestamp': String(NOW / 1000),
      'x-grantops-idempotency-key': sent.body.idempotency_key,
      'x-grantops-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    expect(await webhook.read(target())).toBe('granted');
    expect(await webhook.read(target({ role: 'read' }))).toBe('none');
  });

  it('revokes what it granted', async () => {
    const webhook = provider();
    await webhook.apply(target(), grant);
    const change = planRevoke({
      provider: 'webhook',
      before: 'none',
      current: await webhook.read(target()),
      granted: 'granted',
      mode: 'additive',
      standing: 'none',
      otherActiveGrants: [],
    });
    expect(await webhook.revoke(target(), change)).toEqual({ status: 'revoked', level: 'none' });
    expect(receiver.requests.at(-1)!.body).toMatchObject({
      action: 'revoke',
      grantee: 'alice',
      role: 'write',
    });
    expect(receiver.granted.size).toBe(0);
  });

  it('sends the same idempotency key for a repeated grant, which the receiver applies once', async () => {
    const webhook = provider();
    const first = await webhook.apply(target(), grant);
    const second = await provider({ clock: () => NOW + 5_000 }).apply(target(), grant);
    expect([first, second]).toEqual([
      { status: 'applied', level: 'granted' },
      { status: 'applied', level: 'granted' },
    ]);
    const [a, b] = receiver.requests;
    expect(a!.body.idempotency_key).toBe(b!.body.idempotency_key);
    expect(a!.headers['x-grantops-signature']).not.toBe(b!.headers['x-grantops-signature']);
    expect(receiver.effects).toBe(1);
  });

  it('gives an extended grant a new key, and reads 409 as already in that state', async () => {
    const webhook = provider();
    await webhook.apply(target(), grant);
    const extended = await webhook.apply(target({ expires: '2026-11-28T20:00:00Z' }), grant);
    expect(extended).toEqual({ status: 'unchanged', level: 'granted' });
    expect(receiver.requests[0]!.body.idempotency_key).not.toBe(receiver.requests[1]!.body.idempotency_key);
    expect(await webhook.revoke(target({ grantee: 'bob' }), removal)).toEqual({
      status: 'unchanged',
      level: 'none',
    });
  });

  it('reports a pending answer as pending', async () => {
    forced = () => ({ status: 202, body: '{"status":"pending"}' });
    expect(await provider().apply(target(), grant)).toEqual({ status: 'pending', level: 'pending' });
  });

  it.each<[string, ForcedAnswer, object]>([
    ['500', { status: 500, body: 'boom' }, { code: 'server-error', retryable: true }],
    [
      '503 with retry-after',
      { status: 503, headers: { 'retry-after': '7' } },
      { code: 'server-error', retryable: true },
    ],
    ['429', { status: 429 }, { code: 'rate-limited', retryable: true }],
    ['400', { status: 400, body: 'unknown role write' }, { code: 'rejected', retryable: false }],
    ['422 without body', { status: 422 }, { code: 'rejected', retryable: false }],
    [
      'a redirect',
      { status: 302, headers: { location: 'https://elsewhere.example/' } },
      { code: 'rejected', retryable: false },
    ],
  ])('maps %s to a failure', async (_name, answer, expected) => {
    forced = () => answer;
    const result = await provider().apply(target(), grant);
    expect(result).toMatchObject({ status: 'failed', ...expected });
  });

  it('says what the receiver refused', async () => {
    forced = () => ({ status: 400, body: 'unknown role write' });
    const result = await provider().revoke(target(), removal);
    expect(result.status === 'failed' && result.reason).toMatch(
      /^the receiver at http:\/\/127\.0\.0\.1:\d+\/grantops refused revoke for alice \(400: unknown role write\)$/,
    );
    forced = () => ({ status: 503, headers: { 'retry-after': '7' } });
    const retry = await provider().revoke(target(), removal);
    expect(retry.status === 'failed' && retry.error.retryAfterSeconds).toBe(7);
  });

  it('fails retryably when the receiver does not answer in time', async () => {
    forced = () => ({ status: 200, delayMs: 1_000 });
    const result = await provider({ timeoutMs: 100 }).apply(target(), grant);
    expect(result).toMatchObject({ status: 'failed', code: 'timeout', retryable: true });
    expect(result.status === 'failed' && result.reason).toMatch(
      /did not answer grant for alice within 100 ms/,
    );
  });

  it('fails for good when the secrets differ: the receiver refuses with 401', async () => {
    const result = await provider({ env: { CLOUD_IAM_SECRET: 'wrong' } }).apply(target(), grant);
    expect(result).toMatchObject({
      status: 'failed',
      code: 'unauthorized',
      retryable: false,
      error: { status: 401 },
    });
    expect(result.status === 'failed' && result.reason).toMatch(
      /check that CLOUD_IAM_SECRET holds the receiver's secret/,
    );
    expect(receiver.requests[0]!.check).toEqual({ valid: false, reason: 'mismatch' });
    expect(receiver.granted.size).toBe(0);
  });

  it('is refused when its clock is far off: the receiver rejects stale timestamps', async () => {
    const result = await provider({ clock: () => NOW - 600_000 }).apply(target(), grant);
    expect(result).toMatchObject({ status: 'failed', code: 'unauthorized' });
    expect(receiver.requests[0]!.check).toEqual({ valid: false, reason: 'stale' });
  });

  it('sends nothing when the secret is not in the environment', async () => {
    const result = await provider({ env: {} }).apply(target(), grant);
    expect(result).toMatchObject({ status: 'failed', code: 'misconfigured', retryable: false });
    expect(result.status === 'failed' && result.reason).toMatch(
      /environment variable CLOUD_IAM_SECRET .* is not set/,
    );
    expect(receiver.requests).toEqual([]);
  });

  it('lists members for drift, and rejects a malformed list', async () => {
    const webhook = provider();
    await webhook.apply(target(), grant);
    await webhook.apply(target({ grantee: 'bob', role: 'read', grantId: 'grants/cloud-iam/bob.yml' }), grant);
    expect(await webhook.listMembers!(target())).toEqual([
      { grantee: 'alice', level: 'granted' },
      { grantee: 'bob', level: 'granted' },
    ]);
    expect(receiver.requests.at(-1)!.body).toMatchObject({
      action: 'list',
      grantee: '',
      grant_id: '',
      role: null,
      expires: null,
    });
    forced = () => ({ status: 200, body: '{"members":[{"login":"alice"}]}' });
    await expect(webhook.read(target())).rejects.toMatchObject({ code: 'bad-response', retryable: false });
  });

  it('fails retryably when nobody listens', async () => {
    const url = receiver.url;
    await receiver.close();
    const result = await provider().apply(
      target({ resource: { provider: 'webhook', url, secret_env: 'CLOUD_IAM_SECRET' } }),
      grant,
    );
    expect(result).toMatchObject({ status: 'failed', code: 'network', retryable: true });
    expect(result.status === 'failed' && result.reason).toMatch(
      /could not reach the receiver at http:\/\/127\.0\.0\.1/,
    );
  });

  it('writes nothing for a planned no-op', async () => {
    const webhook = provider();
    expect(
      await webhook.apply(target(), { action: 'none', level: 'granted', reason: 'already-has-access' }),
    ).toEqual({
      status: 'unchanged',
      level: 'granted',
    });
    expect(
      await webhook.revoke(target(), { action: 'none', level: 'none', reason: 'nothing-to-remove' }),
    ).toEqual({
      status: 'unchanged',
      level: 'none',
    });
    expect(receiver.requests).toEqual([]);
  });

  it('matches any role when the receiver or the resource has none, with the real clock and fetch', async () => {
    const roleless: Resource = { provider: 'webhook', url: receiver.url, secret_env: 'CLOUD_IAM_SECRET' };
    const live = await startReceiver({ secret: SECRET });
    try {
      const webhook = createWebhookProvider({ env: { CLOUD_IAM_SECRET: SECRET } });
      const at = target({ role: undefined, resource: { ...roleless, url: live.url } });
      expect(await webhook.apply(at, grant)).toEqual({ status: 'applied', level: 'granted' });
      expect(live.requests[0]!.body.role).toBeNull();
      expect(await webhook.read(at)).toBe('granted');
      expect(await webhook.read(target({ resource: { ...roleless, url: live.url } }))).toBe('granted');
    } finally {
      await live.close();
    }
    forced = () => ({ status: 200, body: '{"members":[{"grantee":"ALICE"}]}' });
    expect(await provider().read(target())).toBe('granted');
  });
});
