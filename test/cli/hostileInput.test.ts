import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempRepo } from '../helpers/tempRepo.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** Every kind of bad input at once, run through a real `grantops` process. */
const hostile: Record<string, string | Uint8Array> = {
  'access.yml': 'version: 1\nresources:\n  db:\n    provider: github-team\n    team: dba\n',
  '.github/CODEOWNERS': '/grants/ @acme/leads\n/grants/db/[ab].yml @mallory\n',
  'grants/db/malformed.yml': 'grantee: "alice\nresource: db\n',
  'grants/db/types.yml': 'grantee: 7\nresource: [db]\nreason: {a: 1}\nexpires: true\n',
  'grants/db/unknown.yml':
    'grantee: alice\nresource: db\nreason: long enough reason\nexpires: 2026-11-27T13:00:00Z\nsudo: true\n',
  'grants/db/impossible.yml':
    'grantee: alice\nresource: db\nreason: long enough reason\nexpires: 2026-02-31T13:00:00Z\n',
  'grants/db/huge.yml': `reason: "${'x'.repeat(200_000)}"\n`,
  'grants/db/bomb.yml': `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [${'*a,'.repeat(20)}]\nc: [${'*b,'.repeat(20)}]\n`,
  'grants/db/deep.yml': `a: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n`,
  'grants/db/proto.yml': '__proto__: {grantee: root}\nresource: db\n',
  'grants/db/binary.yml': new Uint8Array([0xc3, 0x28, 0x00, 0xff]),
};

describe('hostile input through the real CLI process', () => {
  it('reports every bad file at file:line:col, exits 1 and never prints a stack trace', async () => {
    const dir = tempRepo(hostile);
    const result = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'validate', dir],
      {
        cwd: ROOT,
      },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1, stderr: '' });
    const lines = result.stdout.split('\n').filter((l) => l.includes(': '));
    const byFile = (name: string) =>
      lines.filter((l) => l.includes(`grants/db/${name}.yml:`)).map((l) => l.replace(/^.*?grants\/db\//, ''));
    expect(byFile('malformed')).toEqual([expect.stringMatching(/^malformed\.yml:3:1: .*\[yaml-syntax\]$/)]);
    expect(byFile('types')).toEqual([
      'types.yml:1:10: "grantee" must be a string, not number 7 [schema-type]',
      'types.yml:2:11: "resource" must be a string, not a list [schema-type]',
      'types.yml:3:9: "reason" must be a string, not a mapping [schema-type]',
      'types.yml:4:10: "expires" must be a string, not boolean true [schema-type]',
    ]);
    expect(byFile('unknown')).toEqual([
      'unknown.yml:5:1: unknown key "sudo"; allowed keys: grantee, resource, role, reason, ticket, expires, starts, emergency [schema-unknown-key]',
    ]);
    expect(byFile('impossible')).toEqual([
      'impossible.yml:4:10: expires "2026-02-31T13:00:00Z" is not a real date and time [grant-time]',
    ]);
    expect(byFile('huge')).toEqual([
      'huge.yml:1:1: file is 200011 bytes, over the limit of 65536 bytes [file-too-large]',
    ]);
    expect(byFile('bomb')).toEqual([
      'bomb.yml:2:38: more than 10 aliases; write the values out instead [yaml-too-many-aliases]',
    ]);
    expect(byFile('deep')).toEqual(['deep.yml:1:35: nesting deeper than 32 levels [yaml-too-deep]']);
    expect(byFile('proto')).toEqual(['proto.yml:1:1: key "__proto__" is not allowed [yaml-forbidden-key]']);
    expect(byFile('binary')).toEqual(['binary.yml:1:1: file is not valid UTF-8 text [file-not-utf8]']);
    expect(lines.some((l) => l.includes('.github/CODEOWNERS:2:'))).toBe(true);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });
});
