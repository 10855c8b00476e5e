import { describe, expect, it } from 'vitest';
import {
  CODEOWNERS_PATHS,
  ownersOf,
  parseCodeowners,
  pickCodeownersPath,
} from '../../../src/core/codeowners/index.js';

function owners(text: string, path: string): string[] {
  return ownersOf(parseCodeowners({ file: 'CODEOWNERS', text }), path).owners;
}

describe('ownersOf', () => {
  it.each([
    ['the last matching rule wins', '/src/ @dev\n* @all', 'src/a.ts', ['@all']],
    ['a later, narrower rule wins', '* @all\n/src/ @dev', 'src/a.ts', ['@dev']],
    ['an earlier rule applies when later ones do not match', '* @all\n/src/ @dev', 'README.md', ['@all']],
    ['owners keep their written order', '* @b @a @c', 'x', ['@b', '@a', '@c']],
    ['a rule with no owners un-owns', '* @all\n/vendor/', 'vendor/lib.js', []],
    ['a later rule re-owns after un-owning', '* @all\n/vendor/\n/vendor/ours/ @us', 'vendor/ours/a', ['@us']],
    ['no rule matches', '/src/ @dev', 'docs/a.md', []],
    ['matching is case-sensitive', '/Docs/ @docs', 'docs/x', []],
    ['a leading slash in the path is not stripped', '/src/ @dev', '/src/a.ts', []],
  ])('%s', (_name, text, path, expected) => {
    expect(owners(text, path)).toEqual(expected);
  });

  it('returns the matching rule, or none when unowned', () => {
    const codeowners = parseCodeowners({ file: 'CODEOWNERS', text: '# x\n/src/ @dev\n/src/gen/' });
    expect(ownersOf(codeowners, 'src/a.ts').rule).toMatchObject({ pattern: '/src/', line: 2 });
    expect(ownersOf(codeowners, 'src/gen/a.ts')).toMatchObject({ owners: [], rule: { line: 3 } });
    expect(ownersOf(codeowners, 'README.md')).toEqual({ owners: [] });
  });

  it('returns a copy of the owners, so callers cannot change the rules', () => {
    const codeowners = parseCodeowners({ file: 'CODEOWNERS', text: '* @all' });
    ownersOf(codeowners, 'a').owners.push('@intruder');
    expect(ownersOf(codeowners, 'a').owners).toEqual(['@all']);
  });
});

describe('pickCodeownersPath', () => {
  it('searches .github/, the root, then docs/, as GitHub does', () => {
    expect(CODEOWNERS_PATHS).toEqual(['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']);
  });

  it.each([
    [['CODEOWNERS', 'docs/CODEOWNERS', '.github/CODEOWNERS'], '.github/CODEOWNERS'],
    [['docs/CODEOWNERS', 'CODEOWNERS'], 'CODEOWNERS'],
    [['docs/CODEOWNERS'], 'docs/CODEOWNERS'],
    [['codeowners', '.github/codeowners', 'src/CODEOWNERS'], undefined],
    [[], undefined],
  ])('with %j picks %s', (files, expected) => {
    const existing = new Set(files);
    expect(pickCodeownersPath((path) => existing.has(path))).toBe(expected);
  });
});
