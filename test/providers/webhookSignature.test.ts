import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '../../src/providers/webhook/idempotencyKey.js';
import { signGrantopsPayload } from '../../src/providers/webhook/signGrantopsPayload.js';
import { verifyGrantopsSignature } from '../../src/providers/webhook/verifyGrantopsSignature.js';
import { webhookRequestBody } from '../../src/providers/webhook/webhookRequestBody.js';

// The worked example of docs/webhook-contract.md: this test keeps the page and the code in agreement.
const SECRET = 'example-secret';
const TIMESTAMP = '1795856400';
const body = webhookRequestBody({
  action: 'grant',
  target: { resourceName: 'cloud-iam', resource: { provider: 'webhook', roles: ['admin'] } },
  grant: {
    grantId: 'grants/cloud-iam/alice.yml',
    grantee: 'alice',
    role: undefined,
    expires: '2026-11-28T18:00:00Z',
  },
});
const RAW = JSON.stringify(body);
const SIGNATURE = 'sha256=1f9d412b4098bd6baff84cdde02a221c45bab21a8262933e2f536275ab4e1cbf';
const NOW = Number(TIMESTAMP) * 1000;

describe('the worked example of the webhook contract', () => {
  it('signs the documented body with the documented signature', () => {
    expect(signGrantopsPayload({ secret: SECRET, timestamp: TIMESTAMP, body: RAW })).toBe(SIGNATURE);
  });

  it('appears in docs/webhook-contract.md exactly', () => {
    const doc = readFileSync(new URL('../../docs/webhook-contract.md', import.meta.url), 'utf8');
    expect(doc).toContain(RAW);
    expect(doc).toContain(`x-grantops-signature: ${SIGNATURE}`);
    expect(doc).toContain(`\`${TIMESTAMP}\``);
    expect(doc).toContain(`"idempotency_key": "${body.idempotency_key}"`);
  });
});

describe('verifyGrantopsSignature', () => {
  const check = (overrides: Partial<Parameters<typeof verifyGrantopsSignature>[0]>) =>
    verifyGrantopsSignature({
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: RAW,
      signature: SIGNATURE,
      now: NOW,
      ...overrides,
    });

  it.each<
    [
      string,
      Partial<Parameters<typeof verifyGrantopsSignature>[0]>,
      ReturnType<typeof verifyGrantopsSignature>,
    ]
  >([
    ['a genuine request', {}, { valid: true }],
    ['raw bytes', { body: Buffer.from(RAW) }, { valid: true }],
    [
      'an upper-case signature',
      { signature: SIGNATURE.toUpperCase().replace('SHA256=', 'sha256=') },
      { valid: true },
    ],
    ['300 s of clock skew', { now: NOW + 300_999 }, { valid: true }],
    ['301 s late', { now: NOW + 301_000 }, { valid: false, reason: 'stale' }],
    ['from the future', { now: NOW - 301_000 }, { valid: false, reason: 'stale' }],
    ['a narrower tolerance', { now: NOW + 31_000, toleranceSeconds: 30 }, { valid: false, reason: 'stale' }],
    ['another secret', { secret: 'other' }, { valid: false, reason: 'mismatch' }],
    ['a changed body', { body: RAW.replace('alice', 'mallory') }, { valid: false, reason: 'mismatch' }],
    ['a changed timestamp', { timestamp: '1795856401' }, { valid: false, reason: 'mismatch' }],
    ['no signature', { signature: undefined }, { valid: false, reason: 'malformed' }],
    ['no timestamp', { timestamp: undefined }, { valid: false, reason: 'malformed' }],
    ['a timestamp that is not a number', { timestamp: '2026-11-28' }, { valid: false, reason: 'malformed' }],
    [
      'another scheme',
      { signature: SIGNATURE.replace('sha256', 'sha1') },
      { valid: false, reason: 'malformed' },
    ],
    ['a short signature', { signature: 'sha256=abcd' }, { valid: false, reason: 'malformed' }],
  ])('%s', (_name, overrides, expected) => expect(check(overrides)).toEqual(expected));
});

describe('idempotencyKey', () => {
  const base = {
    action: 'grant',
    grantId: 'grants/cloud-iam/alice.yml',
    grantee: 'alice',
    resource: 'cloud-iam',
    role: 'admin',
    expires: '2026-11-28T18:00:00Z',
  } as const;

  it('is deterministic and ignores the case of the login', () => {
    expect(idempotencyKey(base)).toBe(body.idempotency_key);
    expect(idempotencyKey({ ...base, grantee: 'Alice' })).toBe(idempotencyKey(base));
  });

  it.each([
    ['action', { action: 'revoke' }],
    ['expiry (an extension)', { expires: '2026-11-28T20:00:00Z' }],
    ['grant', { grantId: 'grants/cloud-iam/alice-2.yml' }],
    ['grantee', { grantee: 'bob' }],
    ['role', { role: null }],
    ['resource', { resource: 'other' }],
  ] as const)('changes with the %s', (_name, change) => {
    expect(idempotencyKey({ ...base, ...change })).not.toBe(idempotencyKey(base));
  });
});
