import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_COLUMNS } from '../../src/core/audit/index.js';
import { file, seedHistory } from './auditHistory.js';
import { seedAuditWorld, type AuditWorld } from './auditWorld.js';
import { runCliCapture } from '../helpers/runCliCapture.js';

const RANGE = ['--repo', 'acme/access', '--since', '2026-11-01T00:00:00Z', '--until', '2026-11-30T00:00:00Z'];
let w: AuditWorld;
let numbers: Record<string, number>;

beforeAll(async () => {
  w = await seedAuditWorld();
  numbers = await seedHistory(w);
});
afterAll(async () => {
  expect(w.gh.errors).toEqual([]);
  expect(w.gh.unknownRoutes).toEqual([]);
  await w.gh.close();
});

const env = () => ({ GITHUB_TOKEN: w.tokens.alice!, GITHUB_API_URL: w.gh.url });
const url = (n: number | undefined) => `${w.gh.url}/acme/access/pull/${n}`;

describe('grantops audit against the emulator', () => {
  it('exports every grant of the range as CSV, with a bounded number of API calls', async () => {
    const before = w.gh.requests.length;
    const { code, stdout, stderr } = await runCliCapture(['audit', ...RANGE], { env: env() });
    expect(code).toBe(0);
    const calls = w.gh.requests.length - before;
    // 2 listings, 5 blobs (4 records, 1 refused file), 2 for the emergency request's approvers, 2 merges
    // before expiry (a person's, grantops' with skew), 6 apply reports of merged requests, 1 refused PR's files
    expect(calls).toBe(18);
    expect(stderr).toContain(
      `left out reverting pull requests without a readable grantops record: #${numbers.bad}`,
    );
    expect(stderr).toContain(
      'grantops audit: 5 grants of acme/access from 2026-11-01T00:00:00Z to 2026-11-30T00:00:00Z; 18 GitHub API calls',
    );
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(AUDIT_COLUMNS.join(','));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      file('alice'),
      file('bob'),
      file('carol'),
      file('dave'),
      file('dave-refused'),
      '',
    ]);
    const reason = (who: string) => `"INC-7: ${who} needs it, =urgent"`;
    expect(lines[1]).toBe(
      [
        file('alice'),
        'alice',
        'prod-db',
        'maintainer',
        reason('alice'),
        'INC-7',
        'alice',
        url(numbers['alice-request']),
        'bob',
        'false',
        '',
        '2026-11-10T18:00:00Z',
        '2026-11-10T10:00:04Z',
        '2026-11-10T18:00:00Z',
        'revoked',
        url(numbers.alice),
        'false',
        '',
      ].join(','),
    );
    expect(lines[2]).toContain(`,revoked,${url(numbers.bob)},true,`);
    expect(lines[3]).toContain(`,alice,true,`); // carol's emergency grant, approved after the fact by alice
    expect(lines[4]).toContain(`,apply-failed,${url(numbers.dave)},false,"'=HYPERLINK(""x"") 502, retried"`);
    expect(lines[5]).toBe(
      [
        file('dave-refused'),
        'dave',
        'prod-db',
        '',
        reason('dave'),
        'INC-7',
        'dave',
        url(numbers['dave-refused-request']),
        '',
        'false',
        '',
        '2026-11-22T18:00:00Z',
        '',
        '',
        'refused',
        '',
        'false',
        "grantops' check did not pass on the merged commit abc1234: the request was not approved",
      ].join(','),
    );
  });

  it('writes versioned JSON to --output, the same on every run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grantops-audit-'));
    const args = ['audit', ...RANGE, '--format', 'json', '--output', 'audit.json'];
    const first = await runCliCapture(args, { env: env(), cwd: dir });
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toContain('written to audit.json');
    const text = readFileSync(join(dir, 'audit.json'), 'utf8');
    await runCliCapture(args, { env: env(), cwd: dir });
    expect(readFileSync(join(dir, 'audit.json'), 'utf8')).toBe(text);
    const document = JSON.parse(text);
    expect(document).toMatchObject({
      schema_version: 1,
      repository: 'acme/access',
      since: '2026-11-01T00:00:00Z',
      until: '2026-11-30T00:00:00Z',
    });
    expect(
      document.grants.map((g: { state: string; given_back_early: boolean }) => [g.state, g.given_back_early]),
    ).toEqual([
      ['revoked', false],
      ['revoked', true],
      ['revoked', false],
      ['apply-failed', false],
      ['refused', false],
    ]);
    expect(document.grants[2]).toMatchObject({
      grantee: 'carol',
      emergency: true,
      approvers: ['alice'],
      requested_by: 'carol',
    });
    expect(document.grants[3]).toMatchObject({
      applied_at: null,
      last_error: '=HYPERLINK("x") 502, retried',
    });
  });

  it('defaults to the last 30 days until now', async () => {
    const { code, stderr } = await runCliCapture(['audit', '--repo', 'acme/access'], {
      env: env(),
      now: '2026-11-13T00:00:00Z',
    });
    expect(code).toBe(0);
    expect(stderr).toContain('2 grants of acme/access from 2026-10-14T00:00:00Z to 2026-11-13T00:00:00Z');
  });
});
