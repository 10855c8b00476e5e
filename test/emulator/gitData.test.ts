import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { outcome } from './status.js';
import { seedWorld } from './world.js';

let gh: Emulator | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await gh?.close();
  gh = undefined;
});

/** Reads a ustar/pax archive into entries (name, type, content, pax records). */
function untar(buffer: Buffer): Array<{ name: string; type: string; content: Buffer }> {
  const out: Array<{ name: string; type: string; content: Buffer }> = [];
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, len: number): string =>
      header
        .subarray(start, start + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12), 8);
    const prefix = field(345, 155);
    const type = field(156, 1);
    const content = buffer.subarray(offset + 512, offset + 512 + size);
    const name = paxPath ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    paxPath = type === 'x' ? /path=(.*)\n/.exec(content.toString('utf8'))?.[1] : undefined;
    if (type !== 'x') out.push({ name, type, content });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('git data', () => {
  it('uses real git object ids', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const octokit = world.as('alice');
    const blob = await octokit.rest.git.createBlob({ ...world.repo, content: 'hello\n' });
    expect(blob.data.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    const tree = await octokit.rest.git.createTree({ ...world.repo, tree: [] });
    expect(tree.data.sha).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });

  it('round-trips blobs, trees (base_tree, deletions, recursive) and commits, and moves refs', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const octokit = world.as('bob');
    const main = await octokit.rest.git.getRef({ ...world.repo, ref: 'heads/main' });
    const parent = await octokit.rest.git.getCommit({ ...world.repo, commit_sha: main.data.object.sha });
    const blob = await octokit.rest.git.createBlob({
      ...world.repo,
      content: Buffer.from('grantee: bob\n').toString('base64'),
      encoding: 'base64',
    });
    const tree = await octokit.rest.git.createTree({
      ...world.repo,
      base_tree: parent.data.tree.sha,
      tree: [
        { path: 'grants/prod-db/bob.yml', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'grants/prod-db/.keep', mode: '100644', type: 'blob', sha: null },
        { path: 'notes/readme.md', mode: '100644', type: 'blob', content: '# notes\n' },
      ],
    });
    expect(tree.status).toBe(201);
    const commit = await octokit.rest.git.createCommit({
      ...world.repo,
      message: 'Request prod-db',
      tree: tree.data.sha,
      parents: [parent.data.sha],
    });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([parent.data.sha]);
    expect(commit.data.author.name).toBe('BOB');
    const ref = await octokit.rest.git.createRef({
      ...world.repo,
      ref: 'refs/heads/request/bob',
      sha: commit.data.sha,
    });
    expect(ref.data).toMatchObject({
      ref: 'refs/heads/request/bob',
      object: { sha: commit.data.sha, type: 'commit' },
    });

    const listed = await octokit.rest.git.getTree({
      ...world.repo,
      tree_sha: commit.data.sha,
      recursive: '1',
    });
    expect(listed.data.tree.filter((e) => e.type === 'blob').map((e) => e.path)).toEqual([
      '.github/CODEOWNERS',
      'access.yml',
      'grants/prod-db/bob.yml',
      'notes/readme.md',
    ]);
    expect(listed.data.tree.find((e) => e.path === 'grants')).toMatchObject({ type: 'tree', mode: '040000' });
    const read = await octokit.rest.git.getBlob({ ...world.repo, file_sha: blob.data.sha });
    expect(Buffer.from(read.data.content, 'base64').toString()).toBe('grantee: bob\n');

    const matching = await octokit.rest.git.listMatchingRefs({ ...world.repo, ref: 'heads/request/' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/request/bob']);
    const unencoded = await fetch(`${gh.url}/repos/acme/access/git/ref/heads/request/bob`, {
      headers: { authorization: `token ${world.tokens['bob'] ?? ''}` },
    });
    expect(await unencoded.json()).toMatchObject({ ref: 'refs/heads/request/bob' });
  });

  it('refuses non-fast-forward ref updates unless forced, and duplicate or dangling refs', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const octokit = world.as('bob');
    const base = gh.resolve({ repo: 'acme/access', ref: 'main' }) as string;
    const a = gh.commit({ repo: 'acme/access', branch: 'a', files: { x: '1' }, message: 'a', author: 'bob' });
    const b = gh.commit({ repo: 'acme/access', branch: 'b', files: { y: '1' }, message: 'b', author: 'bob' });
    expect(
      (await octokit.rest.git.updateRef({ ...world.repo, ref: 'heads/main', sha: a })).data.object.sha,
    ).toBe(a);
    const rejected = await outcome(octokit.rest.git.updateRef({ ...world.repo, ref: 'heads/main', sha: b }));
    expect(rejected).toMatchObject({ status: 422, data: { message: 'Update is not a fast forward' } });
    expect(
      (await octokit.rest.git.updateRef({ ...world.repo, ref: 'heads/main', sha: b, force: true })).data
        .object.sha,
    ).toBe(b);
    expect(
      (await outcome(octokit.rest.git.createRef({ ...world.repo, ref: 'refs/heads/a', sha: base }))).data,
    ).toMatchObject({ message: 'Reference already exists' });
    expect(
      (await outcome(octokit.rest.git.createRef({ ...world.repo, ref: 'refs/heads/z', sha: 'f'.repeat(40) })))
        .status,
    ).toBe(422);
    expect((await octokit.rest.git.deleteRef({ ...world.repo, ref: 'heads/a' })).status).toBe(204);
    expect((await outcome(octokit.rest.git.getRef({ ...world.repo, ref: 'heads/a' }))).status).toBe(404);
    expect((await outcome(octokit.rest.git.deleteRef({ ...world.repo, ref: 'heads/a' }))).data).toMatchObject(
      { message: 'Reference does not exist' },
    );
  });

  it('reads and writes contents with sha checks', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const octokit = world.as('bob');
    const file = await octokit.rest.repos.getContent({ ...world.repo, path: 'access.yml' });
    if (Array.isArray(file.data) || file.data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(file.data.content, 'base64').toString()).toBe('version: 1\nresources: {}\n');
    expect(file.data.encoding).toBe('base64');
    const dir = await octokit.rest.repos.getContent({ ...world.repo, path: 'grants' });
    expect(Array.isArray(dir.data) && dir.data.map((e) => [e.type, e.path])).toEqual([
      ['dir', 'grants/prod-db'],
    ]);
    const content = Buffer.from('version: 2\n').toString('base64');
    const stale = await outcome(
      octokit.rest.repos.createOrUpdateFileContents({
        ...world.repo,
        path: 'access.yml',
        message: 'up',
        content,
        sha: 'a'.repeat(40),
      }),
    );
    expect(stale).toMatchObject({
      status: 409,
      data: { message: `access.yml does not match ${'a'.repeat(40)}` },
    });
    const updated = await octokit.rest.repos.createOrUpdateFileContents({
      ...world.repo,
      path: 'access.yml',
      message: 'up',
      content,
      sha: file.data.sha,
    });
    expect(updated.status).toBe(200);
    const createdFile = await octokit.rest.repos.createOrUpdateFileContents({
      ...world.repo,
      path: 'new/file.txt',
      message: 'add',
      content,
      branch: 'main',
    });
    expect(createdFile.status).toBe(201);
    expect(gh.readFile({ repo: 'acme/access', path: 'access.yml' })).toBe('version: 2\n');
    const removed = await octokit.rest.repos.deleteFile({
      ...world.repo,
      path: 'new/file.txt',
      message: 'rm',
      sha: createdFile.data.content?.sha ?? '',
    });
    expect(removed.data.content).toBeNull();
    expect(gh.listFiles({ repo: 'acme/access' })).not.toContain('new/file.txt');
    const raw = await octokit.rest.repos.getContent({
      ...world.repo,
      path: 'access.yml',
      mediaType: { format: 'raw' },
    });
    expect(raw.data).toBe('version: 2\n');
  });

  it('redirects tarball downloads to a codeload URL serving git-archive-shaped tarballs', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const sha = gh.resolve({ repo: 'acme/access', ref: 'main' }) as string;
    const manual = await fetch(`${gh.url}/repos/acme/access/tarball/main`, {
      redirect: 'manual',
      headers: { authorization: `token ${'x'}` },
    });
    expect(manual.status).toBe(401);
    const res = await world.as('carol').rest.repos.downloadTarballArchive({ ...world.repo, ref: 'main' });
    const entries = untar(gunzipSync(Buffer.from(res.data as ArrayBuffer)));
    const folder = `acme-access-${sha.slice(0, 7)}`;
    expect(entries[0]).toMatchObject({ name: 'pax_global_header', type: 'g' });
    expect(entries[0]?.content.toString()).toBe(`52 comment=${sha}\n`);
    expect(entries.filter((e) => e.type === '0').map((e) => e.name)).toEqual([
      `${folder}/.github/CODEOWNERS`,
      `${folder}/access.yml`,
      `${folder}/grants/prod-db/.keep`,
    ]);
    expect(entries.find((e) => e.name === `${folder}/access.yml`)?.content.toString()).toBe(
      'version: 1\nresources: {}\n',
    );
    const long = `grants/${'x'.repeat(120)}/${'y'.repeat(120)}.yml`;
    gh.commit({
      repo: 'acme/access',
      branch: 'main',
      files: { [long]: 'long' },
      message: 'long',
      author: 'alice',
      silent: true,
    });
    const again = await world.as('carol').rest.repos.downloadTarballArchive({ ...world.repo, ref: 'main' });
    const names = untar(gunzipSync(Buffer.from(again.data as ArrayBuffer))).map((e) => e.name);
    expect(names.some((n) => n.endsWith(long))).toBe(true);
    const codeload = gh.requests.filter((r) => r.path.includes('_codeload'));
    expect(codeload).toEqual([]);
  });

  it('lists commits with path filters and compares refs', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const base = gh.resolve({ repo: 'acme/access', ref: 'main' }) as string;
    gh.commit({
      repo: 'acme/access',
      branch: 'main',
      files: { 'grants/prod-db/a.yml': 'a' },
      message: 'add a',
      author: 'bob',
    });
    const head = gh.commit({
      repo: 'acme/access',
      branch: 'main',
      files: { 'access.yml': 'v2' },
      message: 'policy',
      author: 'carol',
    });
    const octokit = world.as('alice');
    const commits = await octokit.rest.repos.listCommits({ ...world.repo, path: 'grants/prod-db/a.yml' });
    expect(commits.data.map((c) => [c.commit.message, c.author?.login])).toEqual([['add a', 'bob']]);
    const compare = await octokit.rest.repos.compareCommitsWithBasehead({
      ...world.repo,
      basehead: `${base}...main`,
    });
    expect(compare.data).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0, total_commits: 2 });
    expect(compare.data.files?.map((f) => [f.filename, f.status])).toEqual([
      ['access.yml', 'modified'],
      ['grants/prod-db/a.yml', 'added'],
    ]);
    const single = await octokit.rest.repos.getCommit({ ...world.repo, ref: head });
    expect(single.data.files?.[0]).toMatchObject({
      filename: 'access.yml',
      status: 'modified',
      additions: 1,
      deletions: 2,
    });
    expect((await outcome(octokit.rest.repos.getCommit({ ...world.repo, ref: 'nope' }))).status).toBe(422);
    expect((await octokit.rest.repos.getCommit({ ...world.repo, ref: 'HEAD' })).data.sha).toBe(head);
  });
});
