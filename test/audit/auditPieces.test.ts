import { describe, expect, it } from 'vitest';
import {
  grantFactsOf,
  refusedEntryOf,
  sortAuditEntries,
  type AuditEntry,
  type AuditRow,
} from '../../src/core/audit/index.js';
import { parseRfc3339 } from '../../src/core/time/index.js';

const t = (iso: string) => parseRfc3339(iso)!;

describe('grantFactsOf', () => {
  it.each<[string, unknown, object]>([
    [
      'a grant file',
      {
        grantee: 'alice',
        resource: 'prod-db',
        role: 'member',
        reason: 'INC-1',
        ticket: 2041,
        starts: '2026-11-28T09:00:00Z',
        expires: '2026-11-28T18:00:00Z',
        emergency: true,
      },
      {
        grantee: 'alice',
        resource: 'prod-db',
        role: 'member',
        reason: 'INC-1',
        ticket: '2041',
        starts: '2026-11-28T09:00:00Z',
        expires: '2026-11-28T18:00:00Z',
        emergency: true,
      },
    ],
    ['wrong types are left out', { grantee: ['alice'], reason: { a: 1 }, emergency: 'yes' }, {}],
    ['a list', ['alice'], {}],
    ['nothing', null, {}],
    ['a scalar', 'grantee: alice', {}],
  ])('%s', (_name, data, expected) => {
    expect(grantFactsOf(data)).toEqual(expected);
  });
});

describe('refusedEntryOf', () => {
  const refused = {
    file: 'grants/prod-db/dave.yml',
    why: "grantops' check did not pass on the merged commit abc1234: the request was not approved",
    requestUrl: 'https://github.com/acme/access/pull/9',
    author: 'dave',
    mergedAt: '2026-11-28T11:00:00Z',
  };
  it('maps the grant file and the reason for refusing it', () => {
    const entry = refusedEntryOf({
      ...refused,
      facts: {
        grantee: 'dave',
        resource: 'prod-db',
        expires: '2026-11-28T19:00:00Z',
        emergency: true,
        role: 'member',
        reason: 'r',
        ticket: 'T',
        starts: '2026-11-28T12:00:00Z',
      },
    });
    expect(entry).toEqual({
      at: t('2026-11-28T11:00:00Z'),
      row: {
        grant_file: 'grants/prod-db/dave.yml',
        grantee: 'dave',
        resource: 'prod-db',
        role: 'member',
        reason: 'r',
        ticket: 'T',
        requested_by: 'dave',
        request_pr: 'https://github.com/acme/access/pull/9',
        approvers: [],
        emergency: true,
        starts: '2026-11-28T12:00:00Z',
        expires: '2026-11-28T19:00:00Z',
        applied_at: null,
        revoked_at: null,
        state: 'refused',
        revert_pr: null,
        given_back_early: false,
        last_error: refused.why,
      },
    });
  });

  it('falls back to the folder for the resource when the file could not be read', () => {
    const entry = refusedEntryOf({ ...refused, author: undefined, mergedAt: 'x', facts: {} });
    expect(entry.at).toBe(0);
    expect(entry.row).toMatchObject({
      grantee: null,
      resource: 'prod-db',
      requested_by: null,
      emergency: false,
    });
    expect(refusedEntryOf({ ...refused, file: 'elsewhere.yml', facts: {} }).row.resource).toBeNull();
  });
});

describe('sortAuditEntries', () => {
  const entry = (
    at: number,
    file: string,
    revert: string | null,
    request: string | null = null,
  ): AuditEntry => ({
    at,
    row: { grant_file: file, revert_pr: revert, request_pr: request } as AuditRow,
  });
  it('orders by applied time, then file, then pull request, whatever the input order', () => {
    const entries = [
      entry(2, 'grants/a/x.yml', 'u/pull/3'),
      entry(1, 'grants/b/y.yml', 'u/pull/2'),
      entry(2, 'grants/a/x.yml', null, 'u/pull/1'),
      entry(1, 'grants/a/z.yml', 'u/pull/4'),
      entry(2, 'grants/a/x.yml', null, null),
      entry(2, 'grants/a/x.yml', 'u/pull/3'),
    ];
    const order = (rows: AuditRow[]) => rows.map((r) => `${r.grant_file} ${r.revert_pr ?? r.request_pr}`);
    const expected = [
      'grants/a/z.yml u/pull/4',
      'grants/b/y.yml u/pull/2',
      'grants/a/x.yml null',
      'grants/a/x.yml u/pull/1',
      'grants/a/x.yml u/pull/3',
      'grants/a/x.yml u/pull/3',
    ];
    expect(order(sortAuditEntries(entries))).toEqual(expected);
    expect(order(sortAuditEntries([...entries].reverse()))).toEqual(expected);
  });
});
