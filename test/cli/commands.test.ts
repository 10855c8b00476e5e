import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/runCliCapture.js';
import { EXAMPLE_REPO, tempRepo } from '../helpers/tempRepo.js';

describe('grantops plan', () => {
  it('lists active, scheduled and expired grants at --at, and what a sweep would revoke', async () => {
    const { code, stdout } = await runCliCapture([
      'plan',
      EXAMPLE_REPO,
      '--at',
      '2027-01-12T08:30:00+01:00',
      '--json',
    ]);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.at).toBe('2027-01-12T07:30:00Z');
    expect(plan.active.map((g: { grantee: string }) => g.grantee)).toEqual(['dave']);
    expect(plan.scheduled).toEqual([]);
    expect(plan.revoke.map((g: { grantee: string }) => g.grantee)).toEqual([
      'alice',
      'erin',
      'grace',
      'frank',
    ]);
  });

  it('prints a readable table', async () => {
    const { code, stdout } = await runCliCapture(['plan', EXAMPLE_REPO, '--at', '2026-11-26T12:00:00Z']);
    expect(code).toBe(0);
    expect(stdout).toContain('Active (1)\n  grantee  resource           role            from      until');
    expect(stdout).toContain('Scheduled (2)');
    expect(stdout).toContain('A sweep now would revoke 2 grants.');
  });

  it('exits 1 and names grant files it could not plan', async () => {
    const dir = tempRepo({
      'access.yml': 'version: 1\nresources: {}\n',
      '.github/CODEOWNERS': '* @a\n',
      'grants/x/a.yml': 'grantee: a\n',
    });
    const { code, stdout } = await runCliCapture(['plan', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('1 grant file(s) have errors and are not planned');
  });
});

describe('grantops owners', () => {
  it('prints {"path": [owners]} in CODEOWNERS order', async () => {
    const { code, stdout } = await runCliCapture([
      'owners',
      '--repo',
      EXAMPLE_REPO,
      '--json',
      'grants/infra-repo-admin/x.yml',
      'access.yml',
      'src/x',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      '{"grants/infra-repo-admin/x.yml":["@acme/platform-leads","@acme/security"],"access.yml":["@acme/security","@acme/platform-leads"],"src/x":["@acme/security"]}\n',
    );
  });

  it('reads a CODEOWNERS file given directly and exits 1 for an unowned path', async () => {
    const dir = tempRepo({ CODEOWNERS: '/docs/ @docs\n/docs/private/\n' });
    const { code, stdout } = await runCliCapture([
      'owners',
      '--codeowners',
      join(dir, 'CODEOWNERS'),
      'docs/a.md',
      'docs/private/b.md',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('docs/a.md: @docs\ndocs/private/b.md: (no owner)\n');
  });

  it('prefers .github/CODEOWNERS over the root file, as GitHub does', async () => {
    const dir = tempRepo({
      CODEOWNERS: '* @root\n',
      '.github/CODEOWNERS': '* @dotgithub\n',
      'docs/CODEOWNERS': '* @docs\n',
    });
    expect((await runCliCapture(['owners', '--repo', dir, 'a'])).stdout).toBe('a: @dotgithub\n');
  });

  it('never falls back past a .github/CODEOWNERS that is a link: GitHub uses that location', async () => {
    const dir = tempRepo({ CODEOWNERS: '* @root\n', 'OWNERS.txt': '* @linked\n', '.github/.keep': '' });
    symlinkSync('../OWNERS.txt', join(dir, '.github/CODEOWNERS'));
    const { code, stdout, stderr } = await runCliCapture(['owners', '--repo', dir, 'a']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\.github\/CODEOWNERS is not a regular file .* so no file has code owners/);
  });

  it('reports invalid CODEOWNERS lines on stderr with their position', async () => {
    const dir = tempRepo({ '.github/CODEOWNERS': '* @a\n!x @b\n' });
    const { stderr, stdout } = await runCliCapture(['owners', '--repo', dir, 'x']);
    expect(stderr).toMatch(/^.*\.github\/CODEOWNERS:2:1: .*\[codeowners-negation\]$/m);
    expect(stdout).toBe('x: @a\n');
  });

  it.each([
    [['owners'], /name at least one PATH/],
    [['owners', '--repo', '/nonexistent', 'x'], /no CODEOWNERS in \/nonexistent/],
    [['owners', '--repo', '.', '--codeowners', 'x', 'y'], /give --repo or --codeowners, not both/],
  ])('%j exits 2', async (argv, message) => {
    const { code, stderr } = await runCliCapture(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('grantops request', () => {
  const now = '2026-11-27T12:00:00Z';

  it('writes a valid grant file at the right path', async () => {
    const dir = tempRepo({}, EXAMPLE_REPO);
    const args = [
      'request',
      'prod-db',
      '--for',
      '2h',
      '--reason',
      'INC-77: disk full on replica',
      '--ticket',
      'INC-77',
      '--grantee',
      'bob',
      '--role',
      'maintainer',
      '--dir',
      dir,
    ];
    const { code, stdout, stderr } = await runCliCapture(args, { now });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote grants\/prod-db\/bob-20261127t1200\.yml$/m);
    const text = readFileSync(join(dir, 'grants/prod-db/bob-20261127t1200.yml'), 'utf8');
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=https://raw.githubusercontent.com/grantops/grantops/main/schemas/grant.schema.json',
        'grantee: bob',
        'resource: prod-db',
        'role: maintainer',
        'reason: "INC-77: disk full on replica"',
        'ticket: INC-77',
        'expires: 2026-11-27T14:00:00Z',
        '',
      ].join('\n'),
    );
    expect((await runCliCapture(['validate', dir], { now })).code).toBe(0);
  });

  it('writes a scheduled grant with --starts, its duration counted from the start', async () => {
    const dir = tempRepo({}, EXAMPLE_REPO);
    const args = [
      'request',
      'deploy-staging',
      '--for',
      '8h',
      '--reason',
      'release train 42 to staging',
      '--starts',
      '2026-11-30T08:00:00Z',
      '--dir',
      dir,
    ];
    const { code } = await runCliCapture(args, { now, env: { GRANTOPS_USER: 'carol' } });
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'grants/deploy-staging/carol-20261127t1200.yml'), 'utf8');
    expect(text).toContain('starts: 2026-11-30T08:00:00Z\nexpires: 2026-11-30T16:00:00Z\n');
  });

  it('writes nothing when the request breaks the policy, and says why', async () => {
    const dir = tempRepo({}, EXAMPLE_REPO);
    const args = ['request', 'prod-db', '--for', '6h', '--reason', 'short', '--grantee', 'bob', '--dir', dir];
    const { code, stderr } = await runCliCapture(args, { now });
    expect(code).toBe(1);
    expect(stderr).toContain('[grant-too-long]');
    expect(stderr).toContain('[grant-reason-short]');
    expect(stderr).toContain('[grant-ticket-missing]');
    expect(stderr).toContain('not written');
    expect(readdirSync(join(dir, 'grants/prod-db'))).toEqual(['alice-20261120t0830.yml']);
  });

  it('refuses an unknown resource with a suggestion', async () => {
    const dir = tempRepo({}, EXAMPLE_REPO);
    const { code, stderr } = await runCliCapture(
      [
        'request',
        'prod-dbb',
        '--for',
        '1h',
        '--reason',
        'investigating things',
        '--grantee',
        'bob',
        '--dir',
        dir,
      ],
      { now },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('resource "prod-dbb" is not defined in access.yml; did you mean "prod-db"?');
  });

  it.each([
    [['request', 'db', '--reason', 'x'], /--for DURATION is required/],
    [['request', 'db', '--for', 'soon', '--reason', 'x'], /--for "soon" is not a duration/],
    [['request', 'db', '--for', '1h'], /--reason TEXT is required/],
    [['request', 'db', '--for', '1h', '--reason', 'x'], /--grantee LOGIN is required/],
    [['request', '--for', '1h'], /name exactly one RESOURCE/],
  ])('%j exits 2', async (argv, message) => {
    const { code, stderr } = await runCliCapture(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
