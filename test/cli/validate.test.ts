import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/runCliCapture.js';
import { EXAMPLE_REPO, tempRepo } from '../helpers/tempRepo.js';

const policy =
  'version: 1\nresources:\n  db:\n    provider: github-team\n    team: dba\n    max_duration: 2h\n';
const owners = '/grants/ @acme/leads\n';
const goodGrant =
  'grantee: alice\nresource: db\nreason: investigating INC-1\nexpires: 2026-11-27T13:00:00Z\n';

describe('grantops validate', () => {
  it('accepts the example grants repository', async () => {
    const { code, stdout } = await runCliCapture(['validate', EXAMPLE_REPO]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok: 5 grant files, 9 resources, 3 warnings$/m);
  });

  it('prints every problem as path:line:col relative to where it runs, and exits 1', async () => {
    const dir = tempRepo({
      'access.yml': policy,
      '.github/CODEOWNERS': owners,
      'grants/db/alice.yml': goodGrant.replace('13:00:00Z', '18:00:00Z'),
      'grants/db/bob.yml': 'grantee: bob\ngrantee: bob\n',
    });
    const { code, stdout, stderr } = await runCliCapture(['validate', '.'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        "grants/db/alice.yml:4:10: grant lasts 6h from 2026-11-27T12:00:00Z, over db's max_duration of 2h; set expires to 2026-11-27T14:00:00Z or earlier [grant-too-long]",
        'grants/db/bob.yml:2:1: duplicate key: each key may appear once in a mapping [yaml-duplicate-key]',
        '',
        '2 errors, 0 warnings (2 grant files, 1 resources)',
        '',
      ].join('\n'),
    );
  });

  it('--at makes time-dependent answers reproducible', async () => {
    const dir = tempRepo({
      'access.yml': policy,
      '.github/CODEOWNERS': owners,
      'grants/db/alice.yml': goodGrant,
    });
    expect((await runCliCapture(['validate', dir, '--at', '2026-11-27T10:00:00Z'])).code).toBe(1);
    expect((await runCliCapture(['validate', dir, '--at', '2026-11-27T11:00:00Z'])).code).toBe(0);
    expect((await runCliCapture(['validate', dir, '--at', '2026-11-28T11:00:00Z'])).code).toBe(0);
  });

  it('--json prints the problems as data', async () => {
    const dir = tempRepo({ 'access.yml': policy, '.github/CODEOWNERS': owners, 'grants/db/x.yml': '- a\n' });
    const { code, stdout } = await runCliCapture(['validate', dir, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      errors: 1,
      warnings: 0,
      problems: [
        {
          file: 'grants/db/x.yml',
          line: 1,
          col: 1,
          code: 'yaml-not-mapping',
          message: 'expected a mapping of keys to values, found a list',
          severity: 'error',
        },
      ],
    });
  });

  it('refuses a symbolic link in grants/ instead of following it', async () => {
    const dir = tempRepo({ 'access.yml': policy, '.github/CODEOWNERS': owners, 'outside.yml': goodGrant });
    mkdirSync(join(dir, 'grants/db'), { recursive: true });
    symlinkSync(join(dir, 'outside.yml'), join(dir, 'grants/db/alice.yml'));
    const { code, stdout } = await runCliCapture(['validate', dir, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).problems).toMatchObject([
      { file: 'grants/db/alice.yml', code: 'file-symlink' },
    ]);
  });

  it.each([
    [['validate', '/nonexistent/dir'], /grantops validate: cannot read \/nonexistent\/dir: ENOENT/],
    [['validate', '--at', 'yesterday'], /--at "yesterday" is not an RFC 3339 time/],
    [['validate', '--bogus'], /Unknown option '--bogus'/],
    [['nope'], /unknown command "nope"/],
    [[], /Usage:/],
  ])('%j is a usage or I/O error: exit 2 with a message, no stack', async (argv, message) => {
    const { code, stderr } = await runCliCapture(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
