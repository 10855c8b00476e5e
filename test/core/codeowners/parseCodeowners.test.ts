import { describe, expect, it } from 'vitest';
import { CODEOWNERS_MAX_BYTES, ownersOf, parseCodeowners } from '../../../src/core/codeowners/index.js';

const FILE = '.github/CODEOWNERS';

function parse(text: string): ReturnType<typeof parseCodeowners> {
  return parseCodeowners({ file: FILE, text });
}

/** `line:col code` of each problem, for compact assertions. */
function where(text: string): string[] {
  return parse(text).problems.map((p) => `${p.line}:${p.col} ${p.code}`);
}

describe('parseCodeowners problems', () => {
  it.each([
    ['!docs/ @a', ['1:1 codeowners-negation']],
    ['* @a\n  src/[ab].ts @b', ['2:7 codeowners-bracket']],
    ['\\#notes @a', ['1:1 codeowners-escaped-hash']],
    ['docs/ @alice bob', ['1:14 codeowners-invalid-owner']],
    ['docs/ @alice #ok', []],
    ['docs/ @alice#note', ['1:7 codeowners-invalid-owner']],
    [
      'docs/ @-alice @org/ @org/team/x a@b @a@b',
      ['1:7', '1:15', '1:21', '1:33', '1:37'].map((p) => `${p} codeowners-invalid-owner`),
    ],
    ['a[b] @x y', ['1:2 codeowners-bracket', '1:9 codeowners-invalid-owner']],
    ['\t*.js\t@a\tnope', ['1:10 codeowners-invalid-owner']],
    ['docs\\ @a', []],
    ['docs\\', ['1:5 codeowners-invalid-pattern']],
  ])('%j', (text, expected) => {
    expect(where(text)).toEqual(expected);
  });

  it('builds full problems: file, severity and a message that says how to fix it', () => {
    const [problem] = parse('# owners\n\n/src/[a-z]*.ts @dev').problems;
    expect(problem).toEqual({
      file: FILE,
      line: 3,
      col: 6,
      code: 'codeowners-bracket',
      severity: 'error',
      message: expect.stringContaining("Escape it as '\\['") as string,
    });
  });

  it('skips only the invalid line: rules above and below still apply', () => {
    const codeowners = parse('* @all\n/src/ @dev bad-owner\n/src/[x].ts @x\n!/src/y @y\n/docs/ @docs\n');
    expect(codeowners.rules.map((rule) => rule.line)).toEqual([1, 5]);
    expect(ownersOf(codeowners, 'src/x.ts').owners).toEqual(['@all']);
    expect(ownersOf(codeowners, 'docs/a.md').owners).toEqual(['@docs']);
  });
});

describe('parseCodeowners lines', () => {
  it.each([
    ['empty file', ''],
    ['only blank lines and comments', '\n   \n# a\n  # indented comment\n\t\n'],
  ])('%s has no rules and no problems', (_name, text) => {
    expect(parse(text)).toEqual({ file: FILE, rules: [], problems: [] });
  });

  it('reads CRLF line endings, a BOM and trailing whitespace', () => {
    const codeowners = parse('\uFEFF* @a  \r\n/docs/ @b @c\t \r\n\r\n/x @d\r\n');
    expect(codeowners.problems).toEqual([]);
    expect(codeowners.rules.map(({ pattern, owners, line }) => ({ pattern, owners, line }))).toEqual([
      { pattern: '*', owners: ['@a'], line: 1 },
      { pattern: '/docs/', owners: ['@b', '@c'], line: 2 },
      { pattern: '/x', owners: ['@d'], line: 4 },
    ]);
  });

  it('counts columns after the BOM', () => {
    expect(where('\uFEFF!x @a')).toEqual(['1:1 codeowners-negation']);
  });

  it.each([
    ['an inline comment after owners', '/a @x #note', ['@x']],
    ['an inline comment right after the pattern', '/a #note @x', []],
    ['a # inside the pattern', '/a#b @x', ['@x']],
    ['escaped spaces in the pattern', 'my\\ dir/ @x', ['@x']],
    ['an escaped trailing space', 'name\\  @x', ['@x']],
  ])('%s', (_name, text, owners) => {
    const [rule] = parse(text).rules;
    expect(rule?.owners).toEqual(owners);
  });

  it('keeps a # inside the pattern and an escaped space as part of the path', () => {
    const codeowners = parse('a#b @x\nmy\\ dir/ @y\nname\\  @z');
    expect(ownersOf(codeowners, 'a#b').owners).toEqual(['@x']);
    expect(ownersOf(codeowners, 'src/my dir/f').owners).toEqual(['@y']);
    expect(ownersOf(codeowners, 'name ').owners).toEqual(['@z']);
    expect(ownersOf(codeowners, 'name').owners).toEqual([]);
  });

  it('accepts users, teams, managed users and emails', () => {
    const text = '* @octocat @octo-org/octocats @jane_acme @a1 docs@example.com first.last+ci@sub.example.io';
    expect(parse(text).problems).toEqual([]);
  });
});

describe('parseCodeowners size limit', () => {
  const tooLarge = (): unknown => ({
    file: FILE,
    rules: [],
    problems: [expect.objectContaining({ line: 1, col: 1, code: 'codeowners-too-large', severity: 'error' })],
  });

  it('loads nothing from a file of 3 MB or more, so every path is unowned', () => {
    const text = `* @all\n${'#'.repeat(CODEOWNERS_MAX_BYTES)}`;
    const codeowners = parse(text);
    expect(codeowners).toEqual(tooLarge());
    expect(ownersOf(codeowners, 'README.md')).toEqual({ owners: [] });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `* @all # ${'€'.repeat(CODEOWNERS_MAX_BYTES / 3)}`;
    expect(text.length).toBeLessThan(CODEOWNERS_MAX_BYTES);
    expect(parse(text)).toEqual(tooLarge());
  });

  it('uses the stored size when given, and loads a file just under the limit', () => {
    expect(parseCodeowners({ file: FILE, text: '* @a', size: CODEOWNERS_MAX_BYTES })).toEqual(tooLarge());
    expect(parseCodeowners({ file: FILE, text: '* @a', size: CODEOWNERS_MAX_BYTES - 1 }).rules).toHaveLength(
      1,
    );
  });

  it('says the size and how to fix it', () => {
    const [problem] = parseCodeowners({ file: FILE, text: '', size: 4_000_000 }).problems;
    expect(problem?.message).toMatch(/^CODEOWNERS is 4000000 bytes;.*Shrink it/);
  });
});
