import { parseDocument } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadGrantsRepo } from '../../src/config/loadGrantsRepo.js';
import { loadYaml } from '../../src/config/loadYaml.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';

// Pass-through, counted: a lazy `locate` parses the text again with parseDocument, an eager one must not.
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return { ...yaml, parseDocument: vi.fn(yaml.parseDocument) };
});

const bomb = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

describe('loadYaml rejects hostile and malformed files with file:line:col', () => {
  it.each([
    ['duplicate key', 'grantee: alice\nreason: x\ngrantee: bob\n', '3:1', 'yaml-duplicate-key'],
    ['duplicate nested key', 'a:\n  b: 1\n  b: 2\n', '3:3', 'yaml-duplicate-key'],
    ['a list at top level', '- a\n- b\n', '1:1', 'yaml-not-mapping'],
    ['a scalar at top level', 'just text\n', '1:1', 'yaml-not-mapping'],
    ['an empty file', '', '1:1', 'yaml-not-mapping'],
    ['only comments', '# nothing\n', '1:1', 'yaml-not-mapping'],
    ['two documents', 'a: 1\n---\nb: 2\n', '2:1', 'yaml-multiple-documents'],
    ['__proto__ key', 'a: 1\nb:\n  __proto__: {x: 1}\n', '3:3', 'yaml-forbidden-key'],
    ['constructor key', 'constructor: 1\n', '1:1', 'yaml-forbidden-key'],
    ['quoted __proto__ key', '"__proto__": 1\n', '1:1', 'yaml-forbidden-key'],
    ['prototype key', 'x:\n  - prototype: 1\n', '2:5', 'yaml-forbidden-key'],
    ['unknown tag', 'a: !custom 1\n', '1:4', 'yaml-unknown-tag'],
    ['js function tag', 'a: !!js/function "f"\n', '1:4', 'yaml-unknown-tag'],
    ['YAML 1.1 binary tag', 'a: !!binary aGVsbG8=\n', '1:4', 'yaml-unknown-tag'],
    ['YAML 1.1 timestamp tag', 'a: !!timestamp 2026-11-28\n', '1:4', 'yaml-unknown-tag'],
    ['YAML 1.1 set tag', 'a: !!set {x}\n', '1:4', 'yaml-unknown-tag'],
    ['YAML 1.1 omap tag', 'a: !!omap [{x: 1}]\n', '1:4', 'yaml-unknown-tag'],
    ['alias bomb', bomb, '3:12', 'yaml-too-many-aliases'],
    ['flow nesting bomb', `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, '1:35', 'yaml-too-deep'],
    ['block sequence nesting bomb', `a:\n  ${'- '.repeat(20_000)}x\n`, '2:65', 'yaml-too-deep'],
    ['mapping key that is a list', '[a, b]: 1\n', '1:1', 'yaml-non-string-key'],
    ['mapping key that is a mapping', '? {a: 1}\n: x\n', '1:3', 'yaml-non-string-key'],
    ['tab indentation', 'a:\n\tb: 1\n', '2:1', 'yaml-syntax'],
    ['unterminated quote', 'a: "open\nb: 1\n', '3:1', 'yaml-syntax'],
    ['undefined alias', 'a: *nothing\n', '1:4', 'yaml-bad-alias'],
    ['alias as a key (hides a duplicate)', '&k expires: 1\ngrantee: a\n*k : 2\n', '3:1', 'yaml-alias-key'],
    ['alias as a flow key', 'a: {&k b: 1, *k : 2}\n', '1:14', 'yaml-alias-key'],
    ['alias as an explicit key', 'a: &k x\n? *k\n: 2\n', '2:3', 'yaml-alias-key'],
    ['%YAML 1.1 directive (merge keys, yes/no)', '%YAML 1.1\n---\na: 1\n', '1:1', 'yaml-directive'],
    ['%YAML 1.2 directive', '%YAML 1.2\n---\na: 1\n', '1:1', 'yaml-directive'],
    ['%TAG directive', 'a: 1\n...\n%TAG !e! tag:e.com,2000:\n---\nb: 2\n', '3:1', 'yaml-directive'],
    ['1 and "1" read as one key', 'a: x\n1: a\n"1": b\n', '3:1', 'yaml-duplicate-key'],
    ['true and "true" read as one key', 'a:\n  true: 1\n  "true": 2\n', '3:3', 'yaml-duplicate-key'],
    ['~ and "" read as one key', '~: a\n"": b\n', '2:1', 'yaml-duplicate-key'],
    ['an empty key and null read as one key', '{? : a, null: b}\n', '1:9', 'yaml-duplicate-key'],
    ['0x10 and 16 read as one key', '0x10: a\n16: b\n', '2:1', 'yaml-duplicate-key'],
  ])('%s', (_name, text, position, code) => {
    const result = loadYaml({ file: 'grants/x/y.yml', text, limits: { maxBytes: 1024 * 1024 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: 'grants/x/y.yml', code, severity: 'error' });
    expect(`${result.problems[0]?.line}:${result.problems[0]?.col}`).toBe(position);
    expect(result.problems[0]?.message.length).toBeGreaterThan(10);
  });

  it('refuses a file over the size cap before parsing it', () => {
    const result = loadYaml({
      file: 'access.yml',
      text: `a: "${'x'.repeat(2000)}"\n`,
      limits: { maxBytes: 1000 },
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'access.yml',
          line: 1,
          col: 1,
          code: 'file-too-large',
          message: 'file is 2006 bytes, over the limit of 1000 bytes',
          severity: 'error',
        },
      ],
    });
  });

  it('reports every duplicate key, and every forbidden key, of a file', () => {
    const duplicates = loadYaml({ file: 'f.yml', text: 'a: 1\na: 2\nb: 1\nb: 2\n' });
    expect(duplicates.ok ? [] : duplicates.problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([
      '2:1 yaml-duplicate-key',
      '4:1 yaml-duplicate-key',
    ]);
    const forbidden = loadYaml({ file: 'f.yml', text: 'a:\n  __proto__: 1\nb:\n  - constructor: 2\n' });
    expect(forbidden.ok ? [] : forbidden.problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([
      '2:3 yaml-forbidden-key',
      '4:5 yaml-forbidden-key',
    ]);
  });

  it('keeps numeric and boolean keys as text, for the schema to judge', () => {
    const result = loadYaml({ file: 'f.yml', text: '1: x\ntrue: y\n' });
    expect(result.ok && result.source.data).toEqual({ 1: 'x', true: 'y' });
  });

  it('allows a few aliases (under the cap) and expands them', () => {
    const result = loadYaml({ file: 'f.yml', text: 'base: &b [x]\ncopy: *b\n' });
    expect(result.ok && result.source.data).toEqual({ base: ['x'], copy: ['x'] });
  });

  it('reads YAML 1.2: yes/no and dates stay strings, so a schema can say what is wrong', () => {
    const result = loadYaml({ file: 'f.yml', text: 'a: yes\nb: 2026-11-28T18:00:00Z\nc: 0o17\nd: ~\n' });
    expect(result.ok && result.source.data).toEqual({ a: 'yes', b: '2026-11-28T18:00:00Z', c: 15, d: null });
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const result = loadYaml({ file: 'f.yml', text: '\uFEFFa: 1\r\nb: 2\r\n' });
    expect(result.ok && result.source.data).toEqual({ a: 1, b: 2 });
    if (result.ok) expect(result.source.locate(['b'])).toEqual({ line: 2, col: 4 });
  });
});

describe.each(['lazy', 'eager'] as const)(
  'locate maps data paths back to the text (%s positions)',
  (positions) => {
    const text = 'a:\n  b: [1, {c: 2}]\n  d:\n  e: x\nlist:\n  - k: v\n';
    const result = loadYaml({ file: 'f.yml', text, positions });
    if (!result.ok) throw new Error('fixture must parse');
    const { locate } = result.source;

    it.each([
      [['a', 'b', 1, 'c'], {}, '2:14'],
      [['a', 'e'], {}, '4:6'],
      [['a', 'e'], { key: true }, '4:3'],
      [['a', 'missing'], {}, '2:3'],
      [['list', 0, 'k'], {}, '6:8'],
      [['list', 5], {}, '6:3'],
      [[], {}, '1:1'],
      [['a', 'b', 'not-an-index'], {}, '2:6'],
    ] as const)('%j %j → %s', (path, options, expected) => {
      const { line, col } = locate(path, options);
      expect(`${line}:${col}`).toBe(expected);
    });
  },
);

describe('positions: eager keeps the first parse, lazy parses again on the first lookup', () => {
  const text = '\uFEFFa: 1\r\nb:\r\n  c: [x, {d: y}]\r\n# comment\r\ne: "two\r\n  lines"\r\nf: z\r\n';
  const paths = [['a'], ['b', 'c', 1, 'd'], ['b', 'c', 0], ['e'], ['f'], ['b', 'missing'], []] as const;
  const parses = vi.mocked(parseDocument);
  beforeEach(() => {
    parses.mockClear();
  });

  it('gives the same positions either way, keys and values, with a BOM and CRLF', () => {
    const lazy = loadYaml({ file: 'f.yml', text });
    const eager = loadYaml({ file: 'f.yml', text, positions: 'eager' });
    if (!lazy.ok || !eager.ok) throw new Error('fixture must parse');
    expect(eager.source.data).toEqual(lazy.source.data);
    for (const path of paths)
      for (const key of [false, true])
        expect(eager.source.locate(path, { key })).toEqual(lazy.source.locate(path, { key }));
    expect(eager.source.locate(['f'])).toEqual({ line: 7, col: 4 });
  });

  it('eager never parses again; lazy parses once, on the first lookup', () => {
    const eager = loadYaml({ file: 'f.yml', text, positions: 'eager' });
    const lazy = loadYaml({ file: 'f.yml', text, positions: 'lazy' });
    if (!lazy.ok || !eager.ok) throw new Error('fixture must parse');
    for (const path of paths) eager.source.locate(path);
    expect(parses).not.toHaveBeenCalled();
    for (const path of paths) lazy.source.locate(path);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('reports forbidden keys at the same place either way', () => {
    const bad = 'a: 1\nb:\n  __proto__: {x: 1}\n';
    for (const positions of ['lazy', 'eager'] as const) {
      const result = loadYaml({ file: 'f.yml', text: bad, positions });
      expect(!result.ok && result.problems.map((p) => `${p.line}:${p.col}:${p.code}`)).toEqual([
        '3:3:yaml-forbidden-key',
      ]);
    }
  });

  it("loadGrantsRepo keeps the policy's positions from its one parse, and grants stay lazy", () => {
    const policy = 'version: 1\nresources:\n  r:\n    provider: environment\n    environment: prod\n';
    const grant = 'grantee: alice\nresource: r\nreason: x\nexpires: 2026-11-28T18:00:00Z\n';
    const files = new Map([
      ['access.yml', new TextEncoder().encode(policy)],
      ['grants/r/alice.yml', new TextEncoder().encode(grant)],
    ]);
    const repo = loadGrantsRepo({ files, validator: createSchemaValidator() });
    expect(repo.policy?.locate(['resources', 'r', 'environment'])).toEqual({ line: 5, col: 18 });
    expect(parses).not.toHaveBeenCalled();
    expect(repo.grants[0]?.locate(['expires'])).toEqual({ line: 4, col: 10 });
    expect(parses).toHaveBeenCalledTimes(1);
    parses.mockClear();
    const eager = loadGrantsRepo({ files, validator: createSchemaValidator(), grantPositions: 'eager' });
    expect(eager.grants[0]?.locate(['expires'])).toEqual({ line: 4, col: 10 });
    expect(parses).not.toHaveBeenCalled();
  });
});

describe('loadYaml reads YAML 1.2 only', () => {
  it.each([
    ['a merge key is a plain key, not a merge', '<<: {expires: x}\n', { '<<': { expires: 'x' } }],
    ['yes/no/on/off are strings', 'a: yes\nb: off\n', { a: 'yes', b: 'off' }],
    ['a timestamp is a string', 'a: 2026-11-28 10:00:00\n', { a: '2026-11-28 10:00:00' }],
    ['a leading zero is not octal', 'a: 010\n', { a: 10 }],
  ])('%s', (_what, text, data) => {
    const result = loadYaml({ file: 'f.yml', text });
    expect(result.ok && result.source.data).toEqual(data);
  });

  it('reports every pair of colliding keys, at the later key', () => {
    const result = loadYaml({ file: 'f.yml', text: '1: a\n"1": b\nx:\n  ~: a\n  "": b\n' });
    expect(result.ok ? [] : result.problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([
      '2:1 yaml-duplicate-key',
      '5:3 yaml-duplicate-key',
    ]);
  });
});
