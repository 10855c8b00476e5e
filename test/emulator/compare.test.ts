import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { createOctokitPort } from '../../src/github/octokit/createOctokitPort.js';
import { outcome } from './status.js';
import { seedWorld, type World } from './world.js';

let gh: Emulator | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await gh?.close();
  gh = undefined;
});

async function world(): Promise<World> {
  const w = await seedWorld();
  gh = w.gh;
  return w;
}

/** `count` commits on `branch`, one file each, all by `author` (silent: no webhooks). */
function commits(w: World, branch: string, count: number, author = 'bob'): string {
  let sha = '';
  for (let i = 0; i < count; i++)
    sha = w.gh.commit({
      repo: 'acme/access',
      branch,
      files: { [`docs/${branch}-${i}.md`]: `${i}\n` },
      message: `commit ${i}`,
      author,
      silent: true,
    });
  return sha;
}

describe('GET /repos/{owner}/{repo}/compare/{basehead}', () => {
  it('compares a commit even after its branch moved on, renames as GitHub lists them', async () => {
    const w = await world();
    const grantHead = w.gh.commit({
      repo: 'acme/access',
      branch: 'req',
      files: {
        'grants/prod-db/bob.yml': 'grantee: bob\n',
        'grants/prod-db/.keep': null,
        '.github/CODEOWNERS': null,
        'docs/CODEOWNERS': '* @acme/sre\n',
      },
      message: 'grant',
      author: 'bob',
      silent: true,
    });
    w.gh.commit({
      repo: 'acme/access',
      branch: 'main',
      files: { 'README.md': 'base moved\n' },
      message: 'main moves',
      author: 'alice',
      silent: true,
    });
    w.gh.setRef({ repo: 'acme/access', ref: 'req', to: 'main', actor: 'bob', silent: true });
    commits(w, 'req', 1);
    const { data } = await w.as('alice').request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...w.repo,
      basehead: `main...${grantHead}`,
      per_page: 100,
      page: 1,
    });
    expect(data).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1, total_commits: 1 });
    expect(data.commits.map((c) => [c.sha, c.author?.login])).toEqual([[grantHead, 'bob']]);
    // three dots: from the merge base, so main's README change is not the PR's
    expect(data.files?.map((f) => [f.filename, f.status, f.previous_filename])).toEqual([
      ['docs/CODEOWNERS', 'renamed', '.github/CODEOWNERS'],
      ['grants/prod-db/.keep', 'removed', undefined],
      ['grants/prod-db/bob.yml', 'added', undefined],
    ]);
  });

  it('answers 404 for an unknown ref or sha, and for histories with no common ancestor', async () => {
    const w = await world();
    const alice = w.as('alice');
    const compare = (basehead: string) =>
      outcome(alice.request('GET /repos/{owner}/{repo}/compare/{basehead}', { ...w.repo, basehead }));
    expect((await compare('main...nope')).status).toBe(404);
    expect((await compare(`main...${'9'.repeat(40)}`)).status).toBe(404);
    expect((await compare(`gone...main`)).status).toBe(404);
    const tree = (
      await alice.rest.git.getCommit({
        ...w.repo,
        commit_sha: w.gh.resolve({ repo: 'acme/access', ref: 'main' }) as string,
      })
    ).data.tree.sha;
    const orphan = (await alice.rest.git.createCommit({ ...w.repo, message: 'orphan', tree, parents: [] }))
      .data.sha;
    expect(await compare(`main...${orphan}`)).toEqual({
      status: 404,
      data: expect.objectContaining({ message: `No common ancestor between main and ${orphan}.` }),
    });
  });

  it('lists at most 300 files, on the first page only, and pages the commits with a Link header', async () => {
    const w = await world();
    const files = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`docs/f${i}.md`, `${i}\n`]));
    w.gh.commit({ repo: 'acme/access', branch: 'big', files, message: 'big', author: 'bob', silent: true });
    const head = commits(w, 'big', 4);
    const page = (n: number) =>
      w.as('alice').request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        ...w.repo,
        basehead: `main...${head}`,
        per_page: 2,
        page: n,
      });
    const first = await page(1);
    expect(first.data.total_commits).toBe(5);
    expect(first.data.commits.map((c) => c.commit.message)).toEqual(['big', 'commit 0']);
    expect(first.data.files).toHaveLength(300);
    expect(first.headers.link).toContain('rel="next"');
    const last = await page(3);
    expect(last.data.commits.map((c) => c.commit.message)).toEqual(['commit 3']);
    expect(last.data.files).toEqual([]);
  });

  it('without page or per_page, lists the last 250 commits', async () => {
    const w = await world();
    const head = commits(w, 'long', 252);
    const { data, headers } = await w.as('alice').request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...w.repo,
      basehead: `main...${head}`,
    });
    expect(data.total_commits).toBe(252);
    expect(data.commits).toHaveLength(250);
    expect(data.commits.at(-1)?.sha).toBe(head);
    expect(headers.link).toBeUndefined();
  });
});

describe('the adapter reads a comparison from the emulator', () => {
  it('reads every page of commits, and the files once', async () => {
    const w = await world();
    commits(w, 'many', 150, 'carol');
    const head = w.gh.commit({
      repo: 'acme/access',
      branch: 'many',
      files: { 'grants/prod-db/bob.yml': 'grantee: bob\n' },
      message: 'grant',
      author: 'bob',
      silent: true,
    });
    const port = createOctokitPort({ octokit: w.as('alice'), appId: undefined });
    const start = w.gh.requests.length;
    const compared = await port.compareForPull({ owner: 'acme', repo: 'access' }, 'main', head);
    expect(w.gh.requests.slice(start).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/acme/access/compare/main...${head}`,
      `GET /repos/acme/access/compare/${w.gh.resolve({ repo: 'acme/access', ref: 'main' })}...${head}`,
    ]);
    expect(compared.commits).toHaveLength(151);
    expect(new Set(compared.commits.map((c) => c.author))).toEqual(new Set(['carol', 'bob']));
    expect(compared.files).toHaveLength(151);
    expect(compared.files.find((f) => f.path === 'grants/prod-db/bob.yml')).toMatchObject({
      status: 'added',
      previousPath: undefined,
      blobSha: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(compared.filesIncomplete).toBe(false);
  });

  it('marks a comparison of 300 files incomplete', async () => {
    const w = await world();
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`docs/f${i}.md`, `${i}\n`]));
    const head = w.gh.commit({
      repo: 'acme/access',
      branch: 'big',
      files,
      message: 'big',
      author: 'bob',
      silent: true,
    });
    const port = createOctokitPort({ octokit: w.as('alice'), appId: undefined });
    const compared = await port.compareForPull({ owner: 'acme', repo: 'access' }, 'main', head);
    expect(compared.files).toHaveLength(300);
    expect(compared.filesIncomplete).toBe(true);
  });

  it('names the comparison when GitHub answers 404', async () => {
    const w = await world();
    const port = createOctokitPort({ octokit: w.as('alice'), appId: undefined });
    await expect(
      port.compareForPull({ owner: 'acme', repo: 'access' }, 'main', '9'.repeat(40)),
    ).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringMatching(/^grantops: comparing main\.\.\.9999999 failed: not found/),
    });
  });
});
