import { describe, expect, it } from 'vitest';
import { approversFromReviews, grantPeriod, overlapsRange } from '../../src/core/audit/index.js';
import type { GrantRecord } from '../../src/core/lifecycle/index.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { grantRecord, revertPull } from './records.js';

const t = (iso: string) => parseRfc3339(iso)!;

describe('grantPeriod and overlapsRange', () => {
  it.each<[string, Partial<GrantRecord>, { closedAt?: string }, string, string | null]>([
    ['applied, still holding access: open-ended', {}, {}, '2026-11-28T10:00:00Z', null],
    [
      'revoked',
      { state: 'revoked', revokedAt: '2026-11-28T18:00:01Z' },
      {},
      '2026-11-28T10:00:00Z',
      '2026-11-28T18:00:01Z',
    ],
    [
      'revoke failed: still holding access although expired',
      { state: 'revoke-failed', revokedAt: undefined },
      {},
      '2026-11-28T10:00:00Z',
      null,
    ],
    [
      'scheduled, never started: its window',
      {
        state: 'scheduled',
        appliedAt: undefined,
        starts: '2026-11-29T09:00:00Z',
        expires: '2026-11-29T10:00:00Z',
      },
      {},
      '2026-11-29T09:00:00Z',
      '2026-11-29T10:00:00Z',
    ],
    [
      'scheduled, revoked before it started: an instant',
      {
        state: 'revoked',
        appliedAt: undefined,
        starts: '2026-11-29T09:00:00Z',
        revokedAt: '2026-11-28T12:00:00Z',
      },
      {},
      '2026-11-28T12:00:00Z',
      '2026-11-28T12:00:00Z',
    ],
    [
      'no times at all but the PR',
      { state: 'revoked', appliedAt: undefined, expires: 'x' },
      { closedAt: '2026-11-28T12:00:00Z' },
      '2026-11-28T09:59:58Z',
      '2026-11-28T12:00:00Z',
    ],
    [
      'nothing readable',
      { state: 'revoked', appliedAt: undefined, expires: 'x' },
      {},
      '2026-11-28T09:59:58Z',
      null,
    ],
  ])('%s', (_name, over, pull, from, to) => {
    const period = grantPeriod(revertPull(grantRecord(over), pull));
    expect(period).toEqual({ from: t(from), to: to === null ? Infinity : t(to) });
  });

  it('uses 0 when even the PR has no readable time', () => {
    const record = grantRecord({ state: 'revoked', appliedAt: undefined, revokedAt: '2026-11-28T12:00:00Z' });
    expect(grantPeriod(revertPull(record, { createdAt: 'x' })).from).toBe(0);
  });

  it.each<[string, number, number, boolean]>([
    ['inside', t('2026-11-28T11:00:00Z'), t('2026-11-28T12:00:00Z'), true],
    ['ends at the start of the range', t('2026-11-28T18:00:00Z'), t('2026-11-29T00:00:00Z'), true],
    ['starts at the end of the range', t('2026-11-27T00:00:00Z'), t('2026-11-28T10:00:00Z'), true],
    ['before the range', t('2026-11-28T18:00:01Z'), t('2026-11-29T00:00:00Z'), false],
    ['after the range', t('2026-11-27T00:00:00Z'), t('2026-11-28T09:59:59Z'), false],
  ])('overlap: %s', (_name, since, until, expected) => {
    const period = { from: t('2026-11-28T10:00:00Z'), to: t('2026-11-28T18:00:00Z') };
    expect(overlapsRange(period, { since, until })).toBe(expected);
  });
});

describe('approversFromReviews', () => {
  const head = 'h'.repeat(40);
  const review = (reviewer: string, state: string, commitId = head) => ({ reviewer, state, commitId });
  it.each<[string, ReturnType<typeof review>[], string[]]>([
    ['an approval on the head', [review('bob', 'APPROVED')], ['bob']],
    ['an approval on an older commit', [review('bob', 'APPROVED', 'old')], []],
    ['approved, then asked for changes', [review('bob', 'APPROVED'), review('bob', 'CHANGES_REQUESTED')], []],
    [
      'approved, then commented',
      [review('bob', 'APPROVED'), review('bob', 'COMMENTED'), review('Bob', 'PENDING')],
      ['bob'],
    ],
    ['by the author or the grantee', [review('Alice', 'APPROVED'), review('dave', 'APPROVED')], []],
    [
      'several, once each',
      [review('bob', 'APPROVED'), review('carol', 'APPROVED'), review('bob', 'APPROVED')],
      ['bob', 'carol'],
    ],
  ])('%s', (_name, reviews, expected) => {
    expect(
      approversFromReviews(reviews, { headSha: head, excluded: ['alice', 'dave', undefined, null] }),
    ).toEqual(expected);
  });
});
