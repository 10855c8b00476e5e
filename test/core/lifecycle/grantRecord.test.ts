import { describe, expect, it } from 'vitest';
import {
  decodeRecord,
  encodeRecord,
  holdsAccess,
  type GrantRecord,
} from '../../../src/core/lifecycle/index.js';

const record: GrantRecord = {
  v: 1,
  file: 'grants/db/alice.yml',
  blob: 'b'.repeat(40),
  grantee: 'alice',
  resource: 'db',
  resourceConfig: { provider: 'github-team', team: 'dba' },
  role: undefined,
  starts: undefined,
  expires: '2026-11-30T12:00:00Z',
  emergency: false,
  requestPr: 7,
  requestedBy: 'alice',
  approvers: ['dana'],
  before: 'none',
  granted: 'member',
  state: 'applied',
  appliedAt: '2026-11-30T10:00:00Z',
  revokedAt: undefined,
  attempts: 1,
  lastError: 'a comment -- ends here --> and a second line\nx',
  warned: false,
};

describe('grant records in PR bodies', () => {
  it('round-trip through a PR body, even with `--` and `-->` in their text', () => {
    const body = `Scheduled revocation.\n\n${encodeRecord(record)}\n\nmore text`;
    const inside = encodeRecord(record).slice('<!-- grantops:record '.length, -' -->'.length);
    expect(inside).not.toContain('--'); // `--` may not appear inside an HTML comment
    expect(decodeRecord(body)).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it.each([
    ['no marker', 'just a pull request'],
    ['empty', undefined],
    ['null', null],
    ['damaged JSON', '<!-- grantops:record {"v":1, -->'],
    ['a marker whose JSON does not parse', '<!-- grantops:record {"v":1,"file":"x",} -->'],
    ['another version', '<!-- grantops:record {"v":2,"file":"x","state":"applied"} -->'],
    ['no file', '<!-- grantops:record {"v":1,"state":"applied"} -->'],
  ])('refuse %s', (_name, body) => {
    expect(decodeRecord(body)).toBeUndefined();
  });

  it.each([
    ['scheduled', false],
    ['applying', true],
    ['applied', true],
    ['pending', true],
    ['apply-failed', true],
    ['revoked', false],
    ['revoke-failed', true],
  ] as const)('a %s grant holds access: %s', (state, holds) => {
    expect(holdsAccess({ ...record, state })).toBe(holds);
  });
});
