import { describe, expect, it } from 'vitest';
import { planApply, planRevoke } from '../../src/core/access/index.js';
import type { Resource } from '../../src/core/types.js';
import { createWebhookProvider } from '../../src/providers/webhook/createWebhookProvider.js';
import { grant, NOW, removal, SECRET, useLoopbackReceiver } from './loopbackReceiver.js';
import { startReceiver } from './webhookReceiver.js';

describe('webhook provider against a loopback receiver', () => {
  const fx = useLoopbackReceiver();

  it('grants with a signed request carrying the contract body and headers', async () => {
    const webhook = fx.provider();
    expect(await webhook.read(fx.target())).toBe('none');
    expect(await webhook.apply(fx.target(), planApply({ before: 'none', desired: 'granted' }))).toEqual({
      status: 'applied',
      level: 'granted',
    });
    const sent = fx.receiver().requests[1]!;
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
    expect(await webhook.read(fx.target())).toBe('granted');
    expect(await webhook.read(fx.target({ role: 'read' }))).toBe('none');
  });

  it('revokes what it granted', async () => {
    const webhook = fx.provider();
    await webhook.apply(fx.target(), grant);
    const change = planRevoke({
      provider: 'webhook',
      before: 'none',
      current: await webhook.read(fx.target()),
      granted: 'granted',
      mode: 'additive',
      standing: 'none',
      otherActiveGrants: [],
    });
    expect(await webhook.revoke(fx.target(), change)).toEqual({ status: 'revoked', level: 'none' });
    expect(fx.receiver().requests.at(-1)!.body).toMatchObject({
      action: 'revoke',
      grantee: 'alice',
      role: 'write',
    });
    expect(fx.receiver().granted.size).toBe(0);
  });

  it('sends the same idempotency key for a repeated grant, which the receiver applies once', async () => {
    const webhook = fx.provider();
    const first = await webhook.apply(fx.target(), grant);
    const second = await fx.provider({ clock: () => NOW + 5_000 }).apply(fx.target(), grant);
    expect([first, second]).toEqual([
      { status: 'applied', level: 'granted' },
      { status: 'applied', level: 'granted' },
    ]);
    const [a, b] = fx.receiver().requests;
    expect(a!.body.idempotency_key).toBe(b!.body.idempotency_key);
    expect(a!.headers['x-grantops-signature']).not.toBe(b!.headers['x-grantops-signature']);
    expect(fx.receiver().effects).toBe(1);
  });

  it('gives an extended grant a new key, and reads 409 as already in that state', async () => {
    const webhook = fx.provider();
    await webhook.apply(fx.target(), grant);
    const extended = await webhook.apply(fx.target({ expires: '2026-11-28T20:00:00Z' }), grant);
    expect(extended).toEqual({ status: 'unchanged', level: 'granted' });
    expect(fx.receiver().requests[0]!.body.idempotency_key).not.toBe(
      fx.receiver().requests[1]!.body.idempotency_key,
    );
    expect(await webhook.revoke(fx.target({ grantee: 'bob' }), removal)).toEqual({
      status: 'unchanged',
      level: 'none',
    });
  });

  it('reports a pending answer as pending', async () => {
    fx.force(() => ({ status: 202, body: '{"status":"pending"}' }));
    expect(await fx.provider().apply(fx.target(), grant)).toEqual({ status: 'pending', level: 'pending' });
  });

  it('lists members for drift, and rejects a malformed list', async () => {
    const webhook = fx.provider();
    await webhook.apply(fx.target(), grant);
    await webhook.apply(
      fx.target({ grantee: 'bob', role: 'read', grantId: 'grants/cloud-iam/bob.yml' }),
      grant,
    );
    expect(await webhook.listMembers!(fx.target())).toEqual([
      { grantee: 'alice', level: 'granted' },
      { grantee: 'bob', level: 'granted' },
    ]);
    expect(fx.receiver().requests.at(-1)!.body).toMatchObject({
      action: 'list',
      grantee: '',
      grant_id: '',
      role: null,
      expires: null,
    });
    fx.force(() => ({ status: 200, body: '{"members":[{"login":"alice"}]}' }));
    await expect(webhook.read(fx.target())).rejects.toMatchObject({ code: 'bad-response', retryable: false });
  });

  it('writes nothing for a planned no-op', async () => {
    const webhook = fx.provider();
    expect(
      await webhook.apply(fx.target(), { action: 'none', level: 'granted', reason: 'already-has-access' }),
    ).toEqual({
      status: 'unchanged',
      level: 'granted',
    });
    expect(
      await webhook.revoke(fx.target(), { action: 'none', level: 'none', reason: 'nothing-to-remove' }),
    ).toEqual({
      status: 'unchanged',
      level: 'none',
    });
    expect(fx.receiver().requests).toEqual([]);
  });

  it('matches any role when the receiver or the resource has none, with the real clock and fetch', async () => {
    const roleless: Resource = {
      provider: 'webhook',
      url: fx.receiver().url,
      secret_env: 'CLOUD_IAM_SECRET',
    };
    const live = await startReceiver({ secret: SECRET });
    try {
      const webhook = createWebhookProvider({ env: { CLOUD_IAM_SECRET: SECRET } });
      const at = fx.target({ role: undefined, resource: { ...roleless, url: live.url } });
      expect(await webhook.apply(at, grant)).toEqual({ status: 'applied', level: 'granted' });
      expect(live.requests[0]!.body.role).toBeNull();
      expect(await webhook.read(at)).toBe('granted');
      expect(await webhook.read(fx.target({ resource: { ...roleless, url: live.url } }))).toBe('granted');
    } finally {
      await live.close();
    }
    fx.force(() => ({ status: 200, body: '{"members":[{"grantee":"ALICE"}]}' }));
    expect(await fx.provider().read(fx.target())).toBe('granted');
  });
});
