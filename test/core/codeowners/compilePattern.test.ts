import { minimatch, type MinimatchOptions } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/core/codeowners/index.js';

/** The compiled pattern, checking that the fast `matches` (literal prefilter) agrees with `matcher`. */
function matcher(pattern: string): { test: (path: string) => boolean } {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) throw new Error(`${pattern}: ${compiled.error.message}`);
  return {
    test: (path) => {
      const matched = compiled.matcher.test(path);
      expect(compiled.matches(path), `${pattern} prefilter on ${path}`).toBe(matched);
      return matched;
    },
  };
}

describe('compilePattern matching', () => {
  // [pattern, paths it matches, paths it does not]
  it.each([
    ['logs', ['logs', 'a/logs', 'a/logs/b'], ['a/logsx', 'xlogs', 'Logs']],
    ['/logs', ['logs', 'logs/b'], ['a/logs']],
    ['docs/guide', ['docs/guide', 'docs/guide/a'], ['x/docs/guide', 'docs/guides']],
    ['apps/**', ['apps/a', 'apps/a/b'], ['apps', 'x/apps/a']],
    ['a/**/b', ['a/b', 'a/x/b', 'a/x/y/b', 'a/x/b/c'], ['a/xb', 'x/a/b', 'a/b2']],
    ['src/**/*.ts', ['src/x.ts', 'src/a/b/x.ts'], ['x/src/a.ts', 'src/x.tsx']],
    ['a/**/**/b', ['a/b', 'a/x/y/b'], ['a/c']],
    ['**', ['a', 'a/b/c'], []],
    ['/**', ['a', 'a/b/c'], []],
    ['**/', ['a/b', 'a/b/c'], ['a']],
    ['*/', ['a/b', 'x/y/z'], ['a']],
    ['a/**/', ['a/b/c', 'a/b/c/d'], ['a/b', 'a']],
    ['/*', ['README.md', '.gitignore'], ['src/a.ts']],
    ['/*/', ['src/a.ts', 'src/a/b.ts'], ['README.md']],
    ['/a/*/c', ['a/b/c', 'a/b/c/d'], ['a/c', 'a/b/x/c']],
    ['docs/?.md', ['docs/a.md'], ['docs/ab.md', 'docs/.md', 'docs//.md']],
    ['a?b', ['axb'], ['a/b', 'ab']],
    ['*.md', ['.md', 'a/b.md', 'b.md/c'], ['a.mdx', 'a.MD']],
    ['/f*', ['foo', 'foo/bar/baz'], ['bar/foo']],
    ['a**b', ['ab', 'axyb'], ['ax/yb']],
    ['a\\*b', ['a*b'], ['axb']],
    ['a\\?b', ['a?b'], ['axb']],
    ['f\\[1\\].txt', ['f[1].txt', 'x/f[1].txt'], ['f1.txt']],
    ['path\\ with\\ spaces/', ['path with spaces/a', 'x/path with spaces/a'], ['path/a']],
    ['foo\\/bar', ['foo/bar', 'foo/bar/x'], ['x/foo/bar']],
    ['x\\#y', ['x#y'], ['x\\#y']],
    ['a#b', ['a#b', 'c/a#b'], ['a']],
    ['\\!important', ['!important'], ['important']],
    ['ünïcode/?', ['ünïcode/😀'], ['ünïcode/ab']],
    ['a.b+c(d)', ['a.b+c(d)'], ['axb+c(d)', 'a.bbc(d)']],
    ['/Docs/', ['Docs/a'], ['docs/a', 'DOCS/a']],
    ['new\nline', ['new\nline'], ['newline']],
  ])('%s', (pattern, matching, others) => {
    const re = matcher(pattern);
    for (const path of matching) expect(re.test(path), path).toBe(true);
    for (const path of others) expect(re.test(path), path).toBe(false);
  });

  it('compiles to a stateless expression', () => {
    const compiled = compilePattern('*.js');
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(compiled.matcher.global || compiled.matcher.sticky).toBe(false);
    expect(['a.js', 'a.js', 'b.ts', 'a.js'].map(compiled.matches)).toEqual([true, true, false, true]);
  });
});

describe('compilePattern rejections', () => {
  it.each([
    ['!docs/', 0, 'codeowners-negation'],
    ['\\#notes.md', 0, 'codeowners-escaped-hash'],
    ['src/[abc].ts', 4, 'codeowners-bracket'],
    ['src/a].ts', 5, 'codeowners-bracket'],
    ['\\[a]', 3, 'codeowners-bracket'],
    ['docs\\', 4, 'codeowners-invalid-pattern'],
    ['a/***/b', 2, 'codeowners-invalid-pattern'],
    ['/', 0, 'codeowners-invalid-pattern'],
    ['//', 0, 'codeowners-invalid-pattern'],
    ['a//b', 0, 'codeowners-invalid-pattern'],
  ])('%s at offset %i: %s', (pattern, offset, code) => {
    const compiled = compilePattern(pattern);
    expect(compiled).toMatchObject({ ok: false, error: { offset, code } });
  });
});

// The same rules restated as minimatch globs (the project's glob library), as an independent oracle.
const MINIMATCH: MinimatchOptions = {
  dot: true,
  nobrace: true,
  noext: true,
  nonegate: true,
  nocomment: true,
  platform: 'linux',
};

function viaMinimatch(pattern: string, path: string): boolean {
  const anchored = pattern.startsWith('/');
  let glob = anchored ? pattern.slice(1) : pattern;
  const directory = glob.endsWith('/');
  if (directory) glob = glob.slice(0, -1);
  if (!anchored && !glob.includes('/')) glob = `**/${glob}`;
  const match = (g: string): boolean => minimatch(path, g, MINIMATCH);
  if (directory) return match(`${glob}/**`);
  const last = glob.split('/').pop();
  return match(glob) || (last !== '*' && last !== '**' && match(`${glob}/**`));
}

describe('agreement with minimatch on the shared glob subset', () => {
  const patterns = ['*', '*.js', 'docs/*', 'apps/', '/docs/', '**/logs', '/apps/github', 'a/**/b', 'apps/**'];
  const more = [
    '/*',
    '/*/',
    'logs',
    '/a/*/c',
    'src/**/*.ts',
    '?',
    'a?c/',
    '*.md',
    '/f*',
    'a\\*b',
    'x\\ y',
    '**/*.md',
    'a*/',
  ];
  const paths = ['a', 'a.js', 'docs/a.md', 'docs/x/y.md', 'apps', 'apps/a', 'x/apps/a/b', 'docs', 'logs'];
  const morePaths = ['x/logs', 'x/logs/y', 'a/b', 'a/x/b', 'a/x/y/b/c', 'src/x.ts', 'src/a/b/x.ts', 'abc/d'];
  const extra = ['apps/github/x', 'apps/githubber', 'a/b/c', 'x y', 'a*b', 'f', 'foo/bar', '.md', 'a.md/b'];
  for (const pattern of [...patterns, ...more]) {
    it(pattern, () => {
      const re = matcher(pattern);
      for (const path of [...paths, ...morePaths, ...extra]) {
        expect(re.test(path), path).toBe(viaMinimatch(pattern, path));
      }
    });
  }
});
