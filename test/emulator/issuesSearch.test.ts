import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
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

describe('issues', () => {
  it('creates, lists by label, and closes issues and pull requests through the issues API', async () => {
    const w = await world();
    const alice = w.as('alice');
    const issue = await alice.rest.issues.create({
      ...w.repo,
      title: 'Drift on prod-db',
      body: 'carol is not granted',
      labels: ['grantops:drift'],
    });
    expect(issue.data).toMatchObject({ number: 1, state: 'open', labels: [{ name: 'grantops:drift' }] });
    w.gh.commit({ repo: 'acme/access', branch: 'r', files: { a: 'b' }, message: 'm', author: 'bob' });
    await w.as('bob').rest.pulls.create({ ...w.repo, title: 'request', head: 'r', base: 'main' });
    expect(
      (await alice.rest.issues.listForRepo({ ...w.repo, labels: 'grantops:drift' })).data.map(
        (i) => i.number,
      ),
    ).toEqual([1]);
    expect((await alice.rest.issues.listForRepo(w.repo)).data.map((i) => i.number)).toEqual([2, 1]);
    await alice.rest.issues.update({ ...w.repo, issue_number: 2, state: 'closed' });
    expect(w.gh.pulls('acme/access')[0]).toMatchObject({ state: 'closed', merged: false });
    expect(
      (await alice.rest.issues.update({ ...w.repo, issue_number: 1, state: 'closed' })).data,
    ).toMatchObject({ state: 'closed', state_reason: 'completed' });
  });
});

describe('search', () => {
  it('finds pull requests by repo, state, label, head and text', async () => {
    const w = await world();
    for (const who of ['bob', 'carol']) {
      w.gh.commit({
        repo: 'acme/access',
        branch: `grantops/revoke/${who}`,
        files: { [who]: 'x' },
        message: 'm',
        author: 'alice',
      });
      await w.as('alice').rest.pulls.create({
        ...w.repo,
        title: `Revoke prod-db for ${who}`,
        head: `grantops/revoke/${who}`,
        base: 'main',
      });
      await w.as('alice').rest.issues.addLabels({
        ...w.repo,
        issue_number: who === 'bob' ? 1 : 2,
        labels: ['grantops:revoke'],
      });
    }
    const search = (q: string) =>
      w
        .as('bob')
        .rest.search.issuesAndPullRequests({ q })
        .then((r) => r.data.items.map((i) => i.number));
    expect(await search('repo:acme/access is:pr is:open label:grantops:revoke')).toEqual([2, 1]);
    expect(await search('repo:acme/access is:pr head:grantops/revoke/bob')).toEqual([1]);
    expect(await search('repo:acme/access "for carol" in:title')).toEqual([2]);
    expect(await search('repo:acme/access is:issue')).toEqual([]);
    expect(
      await w
        .as('dave')
        .rest.search.issuesAndPullRequests({ q: 'repo:acme/access' })
        .then((r) => r.data.total_count),
    ).toBe(0);
  });
});

describe('branch merges', () => {
  it('merges a branch (201), reports nothing to merge (204) and conflicts (409)', async () => {
    const w = await world();
    w.gh.commit({ repo: 'acme/access', branch: 'feature', files: { f: '1' }, message: 'f', author: 'bob' });
    const merged = await w.as('bob').rest.repos.merge({ ...w.repo, base: 'main', head: 'feature' });
    expect(merged.status).toBe(201);
    expect(merged.data.parents).toHaveLength(2);
    expect((await w.as('bob').rest.repos.merge({ ...w.repo, base: 'main', head: 'feature' })).status).toBe(
      204,
    );
    w.gh.commit({ repo: 'acme/access', branch: 'x', files: { f: 'x' }, message: 'x', author: 'bob' });
    w.gh.commit({ repo: 'acme/access', branch: 'main', files: { f: 'main' }, message: 'm', author: 'bob' });
    expect(
      (await outcome(w.as('bob').rest.repos.merge({ ...w.repo, base: 'main', head: 'x' }))).data,
    ).toMatchObject({ message: 'Merge conflict' });
  });

  it('updates a pull request branch with its base', async () => {
    const w = await world();
    const head = w.gh.commit({
      repo: 'acme/access',
      branch: 'revert',
      files: { 'grants/prod-db/.keep': null },
      message: 'revoke',
      author: 'alice',
    });
    await w.as('alice').rest.pulls.create({ ...w.repo, title: 'revert', head: 'revert', base: 'main' });
    expect((await outcome(w.as('alice').rest.pulls.updateBranch({ ...w.repo, pull_number: 1 }))).status).toBe(
      422,
    );
    w.gh.commit({
      repo: 'acme/access',
      branch: 'main',
      files: { other: 'x' },
      message: 'other',
      author: 'bob',
    });
    const stale = await outcome(
      w.as('alice').rest.pulls.updateBranch({ ...w.repo, pull_number: 1, expected_head_sha: 'f'.repeat(40) }),
    );
    expect(stale.status).toBe(422);
    const res = await w
      .as('alice')
      .rest.pulls.updateBranch({ ...w.repo, pull_number: 1, expected_head_sha: head });
    expect(res.status).toBe(202);
    expect(w.gh.listFiles({ repo: 'acme/access', ref: 'revert' })).toContain('other');
    expect(w.gh.pulls('acme/access')[0]?.headSha).not.toBe(head);
  });
});
