import { describe, expect, it } from 'vitest';
import { buildGrant, grantFileName, type GrantRequest } from '../../src/core/buildGrant.js';
import { parseRfc3339 } from '../../src/core/time/index.js';

const now = parseRfc3339('2026-11-28T09:00:30Z')!;
const HOUR = 3_600_000;
const ask: GrantRequest = {
  resource: 'prod-db',
  grantee: 'alice',
  durationMs: 2 * HOUR,
  reason: 'INC-1: replication lag',
};

describe('buildGrant', () => {
  it.each<[string, Partial<GrantRequest>, Record<string, unknown>]>([
    ['only what is required, lasting from now', {}, { expires: '2026-11-28T11:00:30Z' }],
    [
      'a role and a ticket, copied as given',
      { role: 'maintainer', ticket: 'INC-1' },
      { role: 'maintainer', ticket: 'INC-1', expires: '2026-11-28T11:00:30Z' },
    ],
    [
      'a scheduled start: the duration counts from it, not from now',
      { startsAt: parseRfc3339('2026-11-29T08:00:00Z')! },
      { starts: '2026-11-29T08:00:00Z', expires: '2026-11-29T10:00:00Z' },
    ],
    [
      'an emergency request is flagged',
      { emergency: true },
      { emergency: true, expires: '2026-11-28T11:00:30Z' },
    ],
    ['emergency: false writes no emergency key', { emergency: false }, { expires: '2026-11-28T11:00:30Z' }],
  ])('%s', (_name, extra, expected) => {
    expect(buildGrant({ ...ask, ...extra }, now)).toStrictEqual({
      grantee: 'alice',
      resource: 'prod-db',
      reason: 'INC-1: replication lag',
      ...expected,
    });
  });
});

describe('grantFileName', () => {
  it.each([
    ['alice', '2026-11-28T09:00:30Z', 'alice-20261128t0900'],
    ['Alice-Admin', '2026-01-02T23:59:59Z', 'alice-admin-20260102t2359'],
  ])('%s at %s → %s', (grantee, at, name) => {
    expect(grantFileName({ ...buildGrant(ask, now), grantee }, parseRfc3339(at)!)).toBe(name);
  });
});
