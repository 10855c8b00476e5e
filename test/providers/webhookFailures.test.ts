import { describe, expect, it } from 'vitest';
import type { ForcedAnswer } from './webhookReceiver.js';
import { grant, NOW, removal, useLoopbackReceiver } from './loopbackReceiver.js';

describe('webhook provider failures against a loopback receiver', () => {
  const fx = useLoopbackReceiver();

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
    fx.force(() => answer);
    const result = await fx.provider().apply(fx.target(), grant);
    expect(result).toMatchObject({ status: 'failed', ...expected });
  });

  it('says what the receiver refused', async () => {
    fx.force(() => ({ status: 400, body: 'unknown role write' }));
    const result = await fx.provider().revoke(fx.target(), removal);
    expect(result.status === 'failed' && result.reason).toMatch(
      /^the receiver at http:\/\/127\.0\.0\.1:\d+\/grantops refused revoke for alice \(400: unknown role write\)$/,
    );
    fx.force(() => ({ status: 503, headers: { 'retry-after': '7' } }));
    const retry = await fx.provider().revoke(fx.target(), removal);
    expect(retry.status === 'failed' && retry.error.retryAfterSeconds).toBe(7);
  });

  it('fails retryably when the receiver does not answer in time', async () => {
    fx.force(() => ({ status: 200, delayMs: 1_000 }));
    const result = await fx.provider({ timeoutMs: 100 }).apply(fx.target(), grant);
    expect(result).toMatchObject({ status: 'failed', code: 'timeout', retryable: true });
    expect(result.status === 'failed' && result.reason).toMatch(
      /did not answer grant for alice within 100 ms/,
    );
  });

  it('fails for good when the secrets differ: the receiver refuses with 401', async () => {
    const result = await fx.provider({ env: { CLOUD_IAM_SECRET: 'wrong' } }).apply(fx.target(), grant);
    expect(result).toMatchObject({
      status: 'failed',
      code: 'unauthorized',
      retryable: false,
      error: { status: 401 },
    });
    expect(result.status === 'failed' && result.reason).toMatch(
      /check that CLOUD_IAM_SECRET holds the receiver's secret/,
    );
    expect(fx.receiver().requests[0]!.check).toEqual({ valid: false, reason: 'mismatch' });
    expect(fx.receiver().granted.size).toBe(0);
  });

  it('is refused when its clock is far off: the receiver rejects stale timestamps', async () => {
    const result = await fx.provider({ clock: () => NOW - 600_000 }).apply(fx.target(), grant);
    expect(result).toMatchObject({ status: 'failed', code: 'unauthorized' });
    expect(fx.receiver().requests[0]!.check).toEqual({ valid: false, reason: 'stale' });
  });

  it('sends nothing when the secret is not in the environment', async () => {
    const result = await fx.provider({ env: {} }).apply(fx.target(), grant);
    expect(result).toMatchObject({ status: 'failed', code: 'misconfigured', retryable: false });
    expect(result.status === 'failed' && result.reason).toMatch(
      /environment variable CLOUD_IAM_SECRET .* is not set/,
    );
    expect(fx.receiver().requests).toEqual([]);
  });

  it('fails retryably when nobody listens', async () => {
    const url = fx.receiver().url;
    await fx.receiver().close();
    const result = await fx
      .provider()
      .apply(fx.target({ resource: { provider: 'webhook', url, secret_env: 'CLOUD_IAM_SECRET' } }), grant);
    expect(result).toMatchObject({ status: 'failed', code: 'network', retryable: true });
    expect(result.status === 'failed' && result.reason).toMatch(
      /could not reach the receiver at http:\/\/127\.0\.0\.1/,
    );
  });
});
