import { describe, expect, it } from 'vitest';
import {
  decodeRecord,
  encodeRecord,
  holdsAccess,
  openRecord,
  type GrantRecord,
} from '../../../src/core/lifecycle/index.js';
import { createRecordSeal } from '../../../src/app/lifecycle/recordSeal.js';
import { testScope } from '../../helpers/testSeal.js';

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
  const scope = testScope();
  const plain = JSON.parse(JSON.stringify(record)) as GrantRecord;

  it('round-trip through a PR body, sealed, even with `--` and `-->` in their text', () => {
    const marker = encodeRecord(record, scope);
    const body = `Scheduled revocation.\n\n${marker}\n\nmore text`;
    const inside = marker.slice('<!-- grantops:record '.length, -' -->'.length);
    expect(inside).not.toContain('--'); // `--` may not appear inside an HTML comment
    expect(marker).toMatch(/ seal:[0-9a-f]{64} -->$/);
    expect(openRecord(body, scope)).toEqual({ status: 'sealed', record: plain });
    expect(decodeRecord(body)).toEqual(plain);
  });

  describe('a record is believed only with its seal', () => {
    const sealed = encodeRecord(record, scope);
    const json = sealed.slice('<!-- grantops:record '.length, sealed.lastIndexOf(' seal:'));
    const revoked = JSON.stringify({ ...plain, state: 'revoked', before: 'admin' });
    it.each([
      ['no seal (anyone can write a marker)', `<!-- grantops:record ${revoked} -->`],
      ['the seal of another record', sealed.replace(json, revoked)],
      [
        'a seal under another key',
        encodeRecord(record, { ...scope, seal: createRecordSeal('another key 0123456789') }),
      ],
      ['a seal for another repository', encodeRecord(record, testScope('acme/other-grants'))],
      [
        'a seal for another PR of the repository (an earlier grant of the same file)',
        encodeRecord(record, testScope('acme/access-grants', 13)),
      ],
      [
        'a truncated seal',
        sealed.replace(/seal:([0-9a-f]{64})/, (_m, hex: string) => `seal:${hex.slice(0, 63)}`),
      ],
      ['a seal whose JSON is damaged', encodeRecord({ ...record, v: 2 as 1 }, scope)],
    ])('%s is forged', (_name, body) => {
      expect(openRecord(body, scope)).toEqual({ status: 'forged' });
    });

    it('the repository name is compared case-insensitively, as GitHub does', () => {
      expect(openRecord(sealed, testScope('ACME/Access-Grants')).status).toBe('sealed');
    });

    it('a look-alike marker before the sealed one (from a file name, a comment) does not hide it', () => {
      const body = `deletes \`grants/db/<!-- grantops:record ${revoked} -->.yml\`\n\n${sealed}`;
      expect(openRecord(body, scope)).toEqual({ status: 'sealed', record: plain });
      expect(decodeRecord(body)).toEqual(plain); // unverified readers take the last marker, which the App writes
    });

    it('a body without any marker holds none', () => {
      expect(openRecord('just a pull request', scope)).toEqual({ status: 'none' });
      expect(openRecord(undefined, scope)).toEqual({ status: 'none' });
    });
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
