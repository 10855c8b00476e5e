import { describe, expect, it } from 'vitest';
import {
  auditEntryOf,
  mergedBeforeExpiry,
  needsRequestFacts,
  siblingPullUrl,
  type AuditRow,
  type GrantDetails,
} from '../../src/core/audit/index.js';
import type { GrantRecord } from '../../src/core/lifecycle/index.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { grantRecord, revertPull } from './records.js';

const base: AuditRow = {
  grant_file: 'grants/prod-db/alice.yml',
  grantee: 'alice',
  resource: 'prod-db',
  role: 'maintainer',
  reason: null,
  ticket: null,
  requested_by: 'alice',
  request_pr: 'https://github.com/acme/access/pull/7',
  approvers: ['bob'],
  emergency: false,
  starts: null,
  expires: '2026-11-28T18:00:00Z',
  applied_at: '2026-11-28T10:00:00Z',
  revoked_at: null,
  state: 'applied',
  revert_pr: 'https://github.com/acme/access/pull/12',
  given_back_early: false,
  last_error: null,
};

const merged = {
  state: 'closed' as const,
  closedAt: '2026-11-28T12:00:00Z',
  mergedAt: '2026-11-28T12:00:00Z',
};
const revokedEarly = { state: 'revoked' as const, revokedAt: '2026-11-28T12:00:05Z' };

describe('auditEntryOf: one record to one row', () => {
  it.each<{
    name: string;
    record?: Partial<GrantRecord>;
    pull?: Parameters<typeof revertPull>[1];
    details?: GrantDetails;
    row: Partial<AuditRow>;
  }>([
    { name: 'an applied grant, as recorded', row: {} },
    {
      name: 'reason and ticket from the grant file',
      details: { reason: 'INC-1: lag', ticket: 'INC-1' },
      row: { reason: 'INC-1: lag', ticket: 'INC-1' },
    },
    {
      name: 'revoked at expiry by grantops, its PR merged after',
      record: { state: 'revoked', revokedAt: '2026-11-28T18:00:01Z' },
      pull: { ...merged, mergedAt: '2026-11-28T18:00:02Z' },
      row: { state: 'revoked', revoked_at: '2026-11-28T18:00:01Z' },
    },
    {
      name: 'given back early: a person merged the reverting PR before expiry',
      record: revokedEarly,
      pull: merged,
      details: { mergedByPerson: true },
      row: { state: 'revoked', revoked_at: '2026-11-28T12:00:05Z', given_back_early: true },
    },
    {
      name: 'merged a little before expiry by a bot (clock skew): not given back early',
      record: { state: 'revoked', revokedAt: '2026-11-28T17:59:59Z' },
      pull: { ...merged, mergedAt: '2026-11-28T17:59:58Z' },
      details: { mergedByPerson: false },
      row: { state: 'revoked', revoked_at: '2026-11-28T17:59:59Z' },
    },
    {
      name: 'the grant file deleted by another PR: revoked early, reverting PR closed unmerged',
      record: revokedEarly,
      pull: { state: 'closed', closedAt: '2026-11-28T12:00:06Z' },
      row: { state: 'revoked', revoked_at: '2026-11-28T12:00:05Z', given_back_early: true },
    },
    {
      name: 'reverting PR closed unmerged after expiry',
      record: { state: 'revoked', revokedAt: '2026-11-28T18:00:01Z' },
      pull: { state: 'closed', closedAt: '2026-11-28T18:00:02Z' },
      row: { state: 'revoked', revoked_at: '2026-11-28T18:00:01Z' },
    },
    {
      name: 'reverting PR closed unmerged without a revocation',
      pull: { state: 'closed', closedAt: '2026-11-28T12:00:00Z' },
      row: {},
    },
    {
      name: 'apply failed: no applied_at, the error kept',
      record: { state: 'apply-failed', appliedAt: undefined, lastError: 'GitHub answered 502' },
      row: { state: 'apply-failed', applied_at: null, last_error: 'GitHub answered 502' },
    },
    {
      name: 'emergency grant without approvers: approvers and requester from the request PR',
      record: { emergency: true, approvers: [], requestedBy: undefined },
      details: { requestedBy: 'alice', approvers: ['carol'] },
      row: { emergency: true, approvers: ['carol'] },
    },
    {
      name: 'no approver anywhere (auto-approved)',
      record: { approvers: [] },
      row: { approvers: [] },
    },
    {
      name: 'scheduled grant with a start',
      record: { state: 'scheduled', starts: '2026-11-29T09:00:00Z', appliedAt: undefined },
      row: { state: 'scheduled', starts: '2026-11-29T09:00:00Z', applied_at: null },
    },
    {
      name: 'no request PR (recorded without one)',
      record: { requestPr: undefined, requestedBy: undefined, role: undefined },
      row: { request_pr: null, requested_by: null, role: null },
    },
    {
      name: 'a hand-edited record with wrong types gives empty cells',
      record: {
        grantee: 42 as unknown as string,
        approvers: 'bob' as unknown as string[],
        emergency: 'yes' as unknown as boolean,
        expires: '',
        requestPr: '7' as unknown as number,
      },
      row: { grantee: null, approvers: [], expires: null, request_pr: null, requested_by: 'alice' },
    },
    {
      name: 'approvers that are not logins are dropped',
      record: { approvers: ['bob', 7 as unknown as string, ''] },
      row: { approvers: ['bob'] },
    },
  ])('$name', ({ record, pull, details, row }) => {
    const entry = auditEntryOf(revertPull(grantRecord(record), pull), details);
    expect(entry.row).toEqual({ ...base, ...row });
  });

  it('sorts by when the grant was applied, else began, else its PR was opened', () => {
    const at = (over: Partial<GrantRecord>) => auditEntryOf(revertPull(grantRecord(over))).at;
    expect(at({})).toBe(parseRfc3339('2026-11-28T10:00:00Z'));
    expect(at({ appliedAt: undefined, starts: '2026-11-29T09:00:00Z' })).toBe(
      parseRfc3339('2026-11-29T09:00:00Z'),
    );
    expect(at({ appliedAt: undefined })).toBe(parseRfc3339('2026-11-28T09:59:58Z'));
  });

  it('uses the record without details by default', () => {
    expect(auditEntryOf(revertPull(grantRecord())).row).toEqual(base);
  });
});

describe('what is read beyond the record', () => {
  it.each<[string, Partial<GrantRecord>, boolean]>([
    ['complete record', {}, false],
    ['no approvers', { approvers: [] }, true],
    ['no requester', { requestedBy: undefined }, true],
    ['approvers not a list', { approvers: null as unknown as string[] }, true],
    ['no request PR to read', { requestPr: undefined, approvers: [] }, false],
  ])('request facts: %s', (_name, over, expected) => {
    expect(needsRequestFacts(grantRecord(over))).toBe(expected);
  });

  it.each<[string, string | undefined, string, boolean]>([
    ['not merged', undefined, '2026-11-28T18:00:00Z', false],
    ['merged before expiry', '2026-11-28T12:00:00Z', '2026-11-28T18:00:00Z', true],
    ['merged at expiry', '2026-11-28T18:00:00Z', '2026-11-28T18:00:00Z', false],
    ['expiry unreadable', '2026-11-28T12:00:00Z', 'tomorrow', false],
  ])('who merged: %s', (_name, mergedAt, expires, expected) => {
    expect(mergedBeforeExpiry({ mergedAt, record: grantRecord({ expires }) })).toBe(expected);
  });

  it('links the request next to the reverting PR (GitHub or Enterprise Server)', () => {
    expect(siblingPullUrl('https://ghe.example/acme/access/pull/12', 7)).toBe(
      'https://ghe.example/acme/access/pull/7',
    );
  });
});
