import { describe, expect, it } from 'vitest';
import {
  AUDIT_COLUMNS,
  csvCell,
  renderAuditCsv,
  renderAuditJson,
  type AuditRow,
} from '../../src/core/audit/index.js';
import { parseRfc3339 } from '../../src/core/time/index.js';

const row: AuditRow = {
  grant_file: 'grants/prod-db/alice.yml',
  grantee: 'alice',
  resource: 'prod-db',
  role: null,
  reason: 'INC-2041: replication lag, "urgent"',
  ticket: 'INC-2041',
  requested_by: 'alice',
  request_pr: 'https://github.com/acme/access/pull/7',
  approvers: ['bob', 'carol'],
  emergency: false,
  starts: null,
  expires: '2026-11-28T18:00:00Z',
  applied_at: '2026-11-28T10:00:00Z',
  revoked_at: null,
  state: 'applied',
  revert_pr: 'https://github.com/acme/access/pull/12',
  given_back_early: true,
  last_error: null,
};

describe('csvCell', () => {
  it.each<[string, AuditRow[keyof AuditRow], string]>([
    ['plain text', 'alice', 'alice'],
    ['empty', null, ''],
    ['booleans', false, 'false'],
    ['a list, space separated', ['bob', 'carol'], 'bob carol'],
    ['a comma', 'a, b', '"a, b"'],
    ['double quotes, doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return line break', 'one\r\ntwo', '"one\r\ntwo"'],
    ['formula =', '=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['formula +', '+1+1', "'+1+1"],
    ['formula -', '-2+3', "'-2+3"],
    ['formula @', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a leading carriage return', '\r=1', `"'\r=1"`],
    ['an inner = is harmless', 'a=b', 'a=b'],
    ['a time', '2026-11-28T18:00:00Z', '2026-11-28T18:00:00Z'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('renderAuditCsv', () => {
  it('writes a header and one CRLF-terminated record per grant', () => {
    const csv = renderAuditCsv([row, { ...row, last_error: '-1 retries; =cmd|calc', state: 'apply-failed' }]);
    expect(csv.split('\r\n')).toEqual([
      AUDIT_COLUMNS.join(','),
      'grants/prod-db/alice.yml,alice,prod-db,,"INC-2041: replication lag, ""urgent""",INC-2041,alice,https://github.com/acme/access/pull/7,bob carol,false,,2026-11-28T18:00:00Z,2026-11-28T10:00:00Z,,applied,https://github.com/acme/access/pull/12,true,',
      `grants/prod-db/alice.yml,alice,prod-db,,"INC-2041: replication lag, ""urgent""",INC-2041,alice,https://github.com/acme/access/pull/7,bob carol,false,,2026-11-28T18:00:00Z,2026-11-28T10:00:00Z,,apply-failed,https://github.com/acme/access/pull/12,true,'-1 retries; =cmd|calc`,
      '',
    ]);
  });

  it('writes only the header when nothing was granted', () => {
    expect(renderAuditCsv([])).toBe(`${AUDIT_COLUMNS.join(',')}\r\n`);
  });
});

describe('renderAuditJson', () => {
  it('writes a versioned document with the range and the rows as recorded', () => {
    const text = renderAuditJson({
      repository: 'acme/access',
      range: {
        since: parseRfc3339('2026-11-01T00:00:00Z')!,
        until: parseRfc3339('2026-12-01T00:00:00.250Z')!,
      },
      rows: [{ ...row, reason: '=not escaped in JSON' }],
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      schema_version: 1,
      repository: 'acme/access',
      since: '2026-11-01T00:00:00Z',
      until: '2026-12-01T00:00:00Z',
      grants: [{ ...row, reason: '=not escaped in JSON' }],
    });
  });
});
