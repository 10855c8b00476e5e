import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadGrantsRepo } from '../../src/config/loadGrantsRepo.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';
import { ownersOf } from '../../src/core/codeowners/index.js';
import { GitHubError } from '../../src/github/githubError.js';
import { readRepoSnapshot } from '../../src/github/readRepoSnapshot.js';
import { tempRepo } from '../helpers/tempRepo.js';

const API = 'https://api.github.com';
const CODELOAD = 'https://codeload.github.com';
const repo = { owner: 'acme', repo: 'access-grants' };
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const octokit = () => new Octokit({ auth: 'ghs_test', log: quiet });
const validator = createSchemaValidator();

/** A gzip archive exactly as GitHub makes it: `git archive` of a commit, under `owner-repo-sha/`. */
function gitArchive(
  files: Record<string, string>,
  links: Record<string, string> = {},
): { tarball: Buffer; sha: string } {
  const dir = tempRepo(files);
  for (const [path, target] of Object.entries(links)) symlinkSync(target, join(dir, path));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'grants');
  const sha = git('rev-parse', 'HEAD').toString().trim();
  const tarball = git('archive', '--format=tar.gz', `--prefix=acme-access-grants-${sha.slice(0, 7)}/`, sha);
  return { tarball, sha };
}

/** GitHub answers the tarball route with a redirect to codeload, which serves the archive. */
function tarballRoute(path: string, tarball: Buffer) {
  return [
    nock(API)
      .get(path)
      .reply(302, undefined, { location: `${CODELOAD}/acme/access-grants/legacy.tar.gz/x` }),
    nock(CODELOAD)
      .get('/acme/access-grants/legacy.tar.gz/x')
      .reply(200, tarball, { 'content-type': 'application/x-gzip' }),
  ];
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every mock is used').toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('readRepoSnapshot', () => {
  const files = {
    'access.yml': 'version: 1\nresources: {}\n',
    '.github/CODEOWNERS': '* @acme/security\n',
    'grants/db/alice.yml': 'grantee: alice\n',
    'README.md': '# not read\n',
    'src/app.ts': 'export {};\n',
  };

  it('reads the files of interest at a ref in one API call, following the codeload redirect', async () => {
    const { tarball, sha } = gitArchive(files);
    const scopes = tarballRoute('/repos/acme/access-grants/tarball/main', tarball);
    const snapshot = await readRepoSnapshot(octokit(), repo, 'main');
    expect(scopes.every((s) => s.isDone())).toBe(true);
    expect(snapshot.sha).toBe(sha);
    expect([...snapshot.files.keys()].sort()).toEqual([
      '.github/CODEOWNERS',
      'access.yml',
      'grants/db/alice.yml',
    ]);
    expect(new TextDecoder().decode(snapshot.files.get('grants/db/alice.yml'))).toBe('grantee: alice\n');
    expect(snapshot.problems).toEqual([]);
  });

  it('asks for the default branch by leaving the ref out', async () => {
    const { tarball } = gitArchive(files);
    const scopes = tarballRoute('/repos/acme/access-grants/tarball/HEAD', tarball);
    await readRepoSnapshot(octokit(), repo);
    expect(scopes.every((s) => s.isDone())).toBe(true);
  });

  it('escapes refs with slashes as one path segment', async () => {
    const { tarball } = gitArchive(files);
    const scopes = tarballRoute('/repos/acme/access-grants/tarball/release%2F2026', tarball);
    await readRepoSnapshot(octokit(), repo, 'release/2026');
    expect(scopes.every((s) => s.isDone())).toBe(true);
  });

  it('reports links under grants/ as problems and never reads them', async () => {
    const { tarball } = gitArchive(files, { 'grants/db/bob.yml': '../../access.yml' });
    tarballRoute('/repos/acme/access-grants/tarball/main', tarball);
    const snapshot = await readRepoSnapshot(octokit(), repo, 'main');
    expect(snapshot.files.has('grants/db/bob.yml')).toBe(false);
    expect(snapshot.problems).toMatchObject([{ file: 'grants/db/bob.yml', code: 'file-symlink' }]);
  });

  describe('CODEOWNERS: GitHub uses the first location that exists; a refused one leaves no owners', () => {
    // A stale, permissive file that GitHub ignores because .github/CODEOWNERS exists.
    const stale = { ...files, CODEOWNERS: '* @acme/everyone\n', 'docs/CODEOWNERS': '* @acme/docs\n' };
    const owners = async (snapshot: Awaited<ReturnType<typeof readRepoSnapshot>>) => {
      const loaded = loadGrantsRepo({ files: snapshot.files, validator, refused: snapshot.problems });
      return {
        file: loaded.codeowners?.file,
        owners: loaded.codeowners ? ownersOf(loaded.codeowners, 'grants/db/alice.yml').owners : [],
        kept: [...snapshot.files.keys()].filter((p) => p.endsWith('CODEOWNERS')),
      };
    };

    it('keeps only the CODEOWNERS GitHub uses', async () => {
      const { tarball } = gitArchive({ ...stale, '.github/CODEOWNERS': '/grants/db/ @acme/dba-leads\n' });
      tarballRoute('/repos/acme/access-grants/tarball/main', tarball);
      expect(await owners(await readRepoSnapshot(octokit(), repo, 'main'))).toEqual({
        file: '.github/CODEOWNERS',
        owners: ['@acme/dba-leads'],
        kept: ['.github/CODEOWNERS'],
      });
    });

    it('a .github/CODEOWNERS over 4 MB is refused, and the root CODEOWNERS is not used instead', async () => {
      const big = '/grants/db/ @acme/dba-leads\n' + '# padding\n'.repeat(450_000);
      const { tarball } = gitArchive({ ...stale, '.github/CODEOWNERS': big });
      tarballRoute('/repos/acme/access-grants/tarball/main', tarball);
      const snapshot = await readRepoSnapshot(octokit(), repo, 'main');
      expect(snapshot.problems).toMatchObject([{ file: '.github/CODEOWNERS', code: 'file-too-large' }]);
      expect(await owners(snapshot)).toEqual({ file: '.github/CODEOWNERS', owners: [], kept: [] });
    });

    it('a linked .github/CODEOWNERS is refused, and the root CODEOWNERS is not used instead', async () => {
      const { '.github/CODEOWNERS': _, ...rest } = stale;
      const { tarball } = gitArchive(
        { ...rest, '.github/.keep': '', 'OWNERS.txt': '/grants/db/ @acme/dba-leads\n' },
        { '.github/CODEOWNERS': '../OWNERS.txt' },
      );
      tarballRoute('/repos/acme/access-grants/tarball/main', tarball);
      const snapshot = await readRepoSnapshot(octokit(), repo, 'main');
      expect(snapshot.problems).toMatchObject([{ file: '.github/CODEOWNERS', code: 'file-symlink' }]);
      expect(await owners(snapshot)).toEqual({ file: '.github/CODEOWNERS', owners: [], kept: [] });
      // A caller that does not pass the refusals finds no CODEOWNERS at all: still no owners.
      expect(loadGrantsRepo({ files: snapshot.files, validator }).codeowners).toBeUndefined();
    });
  });

  it.each([
    [404, 'not-found'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [502, 'unavailable'],
  ] as const)('maps HTTP %i to a GitHubError of kind %s naming the repo and ref', async (status, kind) => {
    nock(API).get('/repos/acme/access-grants/tarball/main').reply(status, { message: 'nope' });
    const error = await readRepoSnapshot(octokit(), repo, 'main').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ kind, status });
    expect((error as Error).message).toContain('reading acme/access-grants at main');
  });

  it('refuses an answer that is not an archive', async () => {
    nock(API).get('/repos/acme/access-grants/tarball/main').reply(200, { not: 'a tarball' });
    await expect(readRepoSnapshot(octokit(), repo, 'main')).rejects.toThrow(/instead of a gzip archive/);
  });
});
