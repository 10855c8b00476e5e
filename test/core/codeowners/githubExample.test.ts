import { describe, expect, it } from 'vitest';
import { compilePattern, ownersOf, parseCodeowners } from '../../../src/core/codeowners/index.js';

// The rules of the example file in GitHub's "About code owners" page, in its order, with its inline comment.
// https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners#example-of-a-codeowners-file
const EXAMPLE = [
  '# A comment line.',
  '',
  '*       @global-owner1 @global-owner2',
  '*.js    @js-owner #This is an inline comment.',
  '*.go docs@example.com',
  '*.txt @octo-org/octocats',
  '/build/logs/ @doctocat',
  'docs/*  docs@example.com',
  'apps/ @octocat',
  '/docs/ @doctocat',
  '/scripts/ @doctocat @octocat',
  '**/logs @octocat',
  '/apps/ @octocat',
  '/apps/github',
  '/apps/ @octocat',
  '/apps/github @doctocat',
].join('\n');

const GLOBAL = ['@global-owner1', '@global-owner2'];

describe('GitHub documentation example CODEOWNERS', () => {
  const codeowners = parseCodeowners({ file: '.github/CODEOWNERS', text: EXAMPLE });

  it('parses every rule, with no problems', () => {
    expect(codeowners.problems).toEqual([]);
    expect(codeowners.rules.map((rule) => rule.line)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    expect(codeowners.rules[1]?.owners).toEqual(['@js-owner']);
    expect(codeowners.rules[11]?.owners).toEqual([]);
  });

  it.each([
    ['README.md', GLOBAL, 3],
    ['src/index.js', ['@js-owner'], 4],
    ['src/index.JS', GLOBAL, 3],
    ['cmd/main.go', ['docs@example.com'], 5],
    ['notes.txt', ['@octo-org/octocats'], 6],
    ['docs/getting-started.md', ['@doctocat'], 10],
    ['docs/build-app/troubleshooting.md', ['@doctocat'], 10],
    ['guide/docs/intro.md', GLOBAL, 3],
    ['Docs/intro.md', GLOBAL, 3],
    ['src/apps/main.py', ['@octocat'], 9],
    ['scripts/deploy.sh', ['@doctocat', '@octocat'], 11],
    ['build/logs/today.log', ['@octocat'], 12],
    ['build/logs', ['@octocat'], 12],
    ['deeply/nested/logs/x.txt', ['@octocat'], 12],
    ['apps/web/app.rb', ['@octocat'], 15],
    ['apps/github/app.rb', ['@doctocat'], 16],
  ])('%s is owned by %j (line %i)', (path, owners, line) => {
    const result = ownersOf(codeowners, path);
    expect(result.owners).toEqual(owners);
    expect(result.rule?.line).toBe(line);
  });

  it('un-owns /apps/github when its rule lists no owners', () => {
    const text = '/apps/ @octocat\n/apps/github\n';
    const unowning = parseCodeowners({ file: 'CODEOWNERS', text });
    expect(ownersOf(unowning, 'apps/web/index.js')).toMatchObject({ owners: ['@octocat'] });
    expect(ownersOf(unowning, 'apps/github/deep/index.js')).toMatchObject({ owners: [], rule: { line: 2 } });
  });
});

describe('each documented pattern on its own', () => {
  it.each([
    ['*', ['README.md', 'a/b/c.txt', '.github/workflows/ci.yml'], []],
    ['*.js', ['a.js', 'src/deep/a.js', '.eslintrc.js'], ['a.jsx', 'a.JS', 'ajs']],
    ['docs/*', ['docs/getting-started.md'], ['docs/build-app/troubleshooting.md', 'docs', 'x/docs/a.md']],
    ['apps/', ['apps/a', 'x/apps/a/b'], ['apps', 'myapps/a', 'Apps/a']],
    ['/docs/', ['docs/a', 'docs/a/b/c'], ['docs', 'x/docs/a', 'Docs/a']],
    ['/build/logs/', ['build/logs/a', 'build/logs/a/b'], ['build/logs', 'x/build/logs/a']],
    ['**/logs', ['logs', 'build/logs', 'deeply/nested/logs/x'], ['catalogs/x', 'logs2', 'a/logsx']],
    ['/scripts/', ['scripts/a.sh', 'scripts/ci/b.sh'], ['src/scripts/a.sh']],
    ['/apps/github', ['apps/github', 'apps/github/x/y'], ['apps/githubber', 'x/apps/github', 'apps']],
  ])('%s', (pattern, matching, others) => {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) throw new Error(compiled.error.message);
    for (const path of matching) expect(compiled.matches(path), path).toBe(true);
    for (const path of others) expect(compiled.matches(path), path).toBe(false);
  });
});
