import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { noHttpClient, precompiledSchemas, yamlEsm } from '../../action/esbuildPlugins.mjs';
import { loadYaml, type YamlResult } from '../../src/config/loadYaml.js';
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

describe('yaml as its ES module build in the Action bundle', () => {
  type LoadYaml = typeof loadYaml;
  let bundledLoadYaml: LoadYaml;
  let code: string;
  beforeAll(async () => {
    const dir = tempRepo();
    writeFileSync(
      join(dir, 'entry.ts'),
      `export { loadYaml } from ${JSON.stringify(join(ROOT, 'src/config/loadYaml.ts'))};\n`,
    );
    await build({
      entryPoints: [join(dir, 'entry.ts')],
      outfile: join(dir, 'loadYaml.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
      plugins: [yamlEsm(ROOT)],
    });
    code = readFileSync(join(dir, 'loadYaml.mjs'), 'utf8');
    const mod = (await import(pathToFileURL(join(dir, 'loadYaml.mjs')).href)) as { loadYaml: LoadYaml };
    bundledLoadYaml = mod.loadYaml;
  });

  const bomb = ['a: &a [x, x, x]', 'b: &b [*a, *a, *a]', 'c: &c [*b, *b, *b]', 'd: [*c, *c, *c]'].join('\n');
  const TEXTS = [
    example('access.yml'),
    example('grants/prod-db/alice-20261120t0830.yml'),
    '\uFEFFa: 1\r\nb: [x, {c: "two\r\n  lines"}]\r\n',
    'a: yes\nb: 2026-11-28T18:00:00Z\nc: 0o17\nd: ~\ne: .inf\nf: 1e3\ng: "\\u00e9"\nh: |\n  block\n  text\n',
    'grantee: alice\nreason: x\ngrantee: bob\n',
    '- a\n- b\n',
    '',
    'a: 1\n---\nb: 2\n',
    'a: 1\nb:\n  __proto__: {x: 1}\n',
    'a: !custom 1\n',
    'a: !!binary aGVsbG8=\n',
    'a: !!binary "@@@"\n',
    'a: !!binary |\n  aGVs\n  bG8=\n',
    bomb,
    `a: ${'['.repeat(40)}${']'.repeat(40)}\n`,
    '[a, b]: 1\n',
    '? {a: 1}\n: x\n',
    'a:\n\tb: 1\n',
    'a: "open\nb: 1\n',
    'a: *nothing\n',
    'x: &anchor {k: v}\ny: *anchor\n',
  ];
  const observe = (result: YamlResult) =>
    result.ok
      ? {
          data: result.source.data,
          positions: [[], ['a'], ['b', 1, 'c'], ['resources', 'prod-db', 'team'], ['guardrails']].map(
            (path) => [result.source.locate(path), result.source.locate(path, { key: true })],
          ),
        }
      : { problems: result.problems };

  it.each(TEXTS.map((text, i) => [i, text] as const))(
    'text %i: the same data, problems and positions as the Node build',
    (_i, text) => {
      const params = { file: 'f.yml', text, limits: { maxBytes: 1024 * 1024 } };
      for (const positions of ['lazy', 'eager'] as const)
        expect(observe(bundledLoadYaml({ ...params, positions }))).toEqual(
          observe(loadYaml({ ...params, positions })),
        );
    },
  );

  it('bundles the ES module build, not the CommonJS one, with the Node behaviour patched in', () => {
    expect(code).toContain('node_modules/yaml/browser/dist/');
    expect(code).not.toContain('node_modules/yaml/dist/');
    expect(code).toMatch(/Buffer\.from\(src, ["']base64["']\)/);
    expect(code).toMatch(/process\.emitWarning\(warning\)/);
  });
});
