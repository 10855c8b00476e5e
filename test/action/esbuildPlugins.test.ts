import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { noHttpClient, precompiledSchemas } from '../../action/esbuildPlugins.mjs';
import { loadYaml } from '../../src/config/loadYaml.js';
import { createSchemaValidator, type SchemaValidator } from '../../src/config/schemaValidator.js';
import { tempRepo } from '../helpers/tempRepo.js';

const ROOT = join(import.meta.dirname, '..', '..');
const example = (path: string) => readFileSync(join(ROOT, 'examples', 'grants-repo', path), 'utf8');

/** Files for both schemas: valid, and wrong in the ways people and attackers get them wrong. */
const CASES: [kind: 'grant' | 'policy', text: string][] = [
  ['policy', example('access.yml')],
  ['policy', 'version: 2\nresources: {db: {provider: github-team}}\nextra: 1\n'],
  [
    'policy',
    'version: 1\nresources: {}\nguardrails: {production: {max_deploys: {count: -1, per: 1h}, freeze: [{}]}}\n',
  ],
  ['policy', 'version: 1\nresources: {x: {provider: webhook, url: 7, approvals: {min: 0}}}\n'],
  ['grant', example('grants/prod-db/alice-20261120t0830.yml')],
  ['grant', 'grantee: 7\nresource: [db]\nreason: {a: 1}\nexpires: true\nsudo: yes\n'],
  ['grant', 'grantee: ""\nresource: db\nreason: x\nexpires: "2026-11-28T18:00:00Z"\nemergency: "yes"\n'],
  ['grant', '{}\n'],
];

let bundled: SchemaValidator;
let bundledCode: string;
const source = createSchemaValidator();

beforeAll(async () => {
  const dir = tempRepo();
  writeFileSync(
    join(dir, 'entry.ts'),
    `export { createSchemaValidator } from ${JSON.stringify(join(ROOT, 'src/config/schemaValidator.ts'))};\n`,
  );
  await build({
    entryPoints: [join(dir, 'entry.ts')],
    outfile: join(dir, 'validator.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [precompiledSchemas(ROOT), noHttpClient],
  });
  bundledCode = readFileSync(join(dir, 'validator.mjs'), 'utf8');
  const mod = (await import(pathToFileURL(join(dir, 'validator.mjs')).href)) as {
    createSchemaValidator: () => SchemaValidator;
  };
  bundled = mod.createSchemaValidator();
});

describe('the precompiled schema validators of the Action bundle', () => {
  it.each(CASES.map(([kind, text], i) => [i, kind, text] as const))(
    'case %i (%s) gives exactly the problems of the runtime-compiled validator',
    (_i, kind, text) => {
      const parsed = loadYaml({ file: `${kind}.yml`, text });
      if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.problems)}`);
      const expected = source[kind](parsed.source);
      const actual = bundled[kind](parsed.source);
      expect(actual.problems).toEqual(expected.problems);
      expect(actual.source === undefined).toBe(expected.source === undefined);
    },
  );

  it('carries no schema compiler: ajv is swapped for the precompiled code', () => {
    expect(bundledCode).toContain('no precompiled validator for schema');
    expect(bundledCode).not.toContain('ajv implementation error');
  });

  it('found problems in every invalid case (the comparison is not vacuous)', () => {
    const invalid = CASES.filter(([kind, text]) => {
      const parsed = loadYaml({ file: 'x.yml', text });
      return parsed.ok && source[kind](parsed.source).problems.length > 0;
    });
    expect(invalid).toHaveLength(CASES.length - 2);
  });
});
