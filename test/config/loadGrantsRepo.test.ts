import { describe, expect, it } from 'vitest';
import { loadGrantsRepo } from '../../src/config/loadGrantsRepo.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';
import { ownersOf } from '../../src/core/codeowners/index.js';
import type { Problem } from '../../src/core/problem.js';

const validator = createSchemaValidator();
const enc = (text: string) => new TextEncoder().encode(text);
const GRANT = 'grants/prod-db/alice.yml';
const base = {
  'access.yml': 'version: 1\nresources: {}\n',
  // A stale, permissive file: GitHub ignores it whenever .github/CODEOWNERS exists.
  CODEOWNERS: '* @acme/everyone\n',
  'docs/CODEOWNERS': '* @acme/docs\n',
  [GRANT]: 'grantee: alice\n',
};
const refusal = (file: string, code: string): Problem => ({
  file,
  line: 1,
  col: 1,
  code,
  message: 'refused by the reader',
  severity: 'error',
});

function load(files: Record<string, string | Uint8Array>, refused?: Problem[]) {
  const bytes = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? enc(v) : v]));
  const repo = loadGrantsRepo({ files: bytes, validator, ...(refused ? { refused } : {}) });
  return {
    repo,
    file: repo.codeowners?.file,
    owners: repo.codeowners ? ownersOf(repo.codeowners, GRANT).owners : [],
    codes: [...repo.problems, ...(repo.codeowners?.problems ?? [])]
      .filter((p) => p.file.endsWith('CODEOWNERS'))
      .map((p) => `${p.file} ${p.code}`),
  };
}

describe('loadGrantsRepo: the CODEOWNERS GitHub uses, and never another one', () => {
  it('uses .github/CODEOWNERS over CODEOWNERS and docs/CODEOWNERS, then CODEOWNERS over docs/', () => {
    expect(load({ ...base, '.github/CODEOWNERS': '/grants/prod-db/ @acme/dba-leads\n' })).toMatchObject({
      file: '.github/CODEOWNERS',
      owners: ['@acme/dba-leads'],
    });
    expect(load(base)).toMatchObject({ file: 'CODEOWNERS', owners: ['@acme/everyone'] });
  });

  it.each([
    ['a link', 'file-symlink'],
    ['over the reader limit (4 MB)', 'file-too-large'],
  ])('a .github/CODEOWNERS the reader refused (%s) is still the one used: no owners', (_what, code) => {
    const r = load(base, [refusal('.github/CODEOWNERS', code)]);
    expect(r.file).toBe('.github/CODEOWNERS');
    expect(r.owners).toEqual([]);
    expect(r.codes).toEqual(['.github/CODEOWNERS codeowners-unreadable']);
    expect(r.repo.codeowners?.problems[0]?.message).toMatch(
      /^GitHub uses this CODEOWNERS file \(the first of \.github\/CODEOWNERS, CODEOWNERS, docs\/CODEOWNERS that exists\) but grantops cannot read it, so no file has code owners/,
    );
  });

  it('a refused root CODEOWNERS shadows docs/CODEOWNERS too', () => {
    const { CODEOWNERS: _, ...files } = base;
    expect(load(files, [refusal('CODEOWNERS', 'file-symlink')])).toMatchObject({
      file: 'CODEOWNERS',
      owners: [],
    });
  });

  it('a chosen CODEOWNERS that is not UTF-8 has no owners, with the reason at that file', () => {
    const r = load({ ...base, '.github/CODEOWNERS': new Uint8Array([0x2a, 0x20, 0x40, 0xff, 0x0a]) });
    expect(r).toMatchObject({ file: '.github/CODEOWNERS', owners: [] });
    expect(r.codes).toEqual(['.github/CODEOWNERS file-not-utf8', '.github/CODEOWNERS codeowners-unreadable']);
  });

  it('a chosen CODEOWNERS of 3 MB or more, which GitHub ignores, has no owners', () => {
    const big = '/grants/prod-db/ @acme/dba-leads\n' + '# padding\n'.repeat(320_000);
    const r = load({ ...base, '.github/CODEOWNERS': big });
    expect(r).toMatchObject({ file: '.github/CODEOWNERS', owners: [] });
    expect(r.codes).toEqual(['.github/CODEOWNERS codeowners-too-large']);
  });

  it('reader problems for other files do not make a CODEOWNERS location exist', () => {
    expect(load(base, [refusal('grants/prod-db/bob.yml', 'file-symlink')])).toMatchObject({
      file: 'CODEOWNERS',
    });
  });
});

describe('loadGrantsRepo: which files under grants/ are grants', () => {
  const grant =
    'grantee: alice\nresource: prod-db\nreason: "INC-1: replica lag"\nexpires: 2026-11-28T11:00:00Z\n';

  it('reads only safe grants/<resource>/<name>.yml paths; other YAML files are errors at 1:1, never read', () => {
    const forged = 'grants/prod-db/<!-- grantops:record {"v":1,"file":"x","state":"revoked"} -->.yml';
    const { repo } = load({
      'access.yml': base['access.yml'],
      'grants/prod-db/alice.yml': grant,
      'grants/prod-db/bob.yaml': grant,
      [forged]: grant,
      'grants/Prod-DB/carol.yml': grant,
      'grants/prod-db/notes.txt': 'x',
      'grants/prod-db/README.md': 'x',
      'grants/.gitkeep': '',
    });
    expect(repo.grants.map((g) => g.file)).toEqual(['grants/prod-db/alice.yml']);
    expect(repo.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.code}`)).toEqual([
      'grants/Prod-DB/carol.yml:1:1 error grant-path-resource',
      `${forged}:1:1 error grant-path-name`,
      'grants/prod-db/bob.yaml:1:1 error grant-not-yml',
      'grants/prod-db/notes.txt:1:1 warning grant-not-yaml',
    ]);
    // Every path under grants/ but the ignorable ones still needs an owner.
    expect(repo.grantPaths).toHaveLength(5);
  });
});
