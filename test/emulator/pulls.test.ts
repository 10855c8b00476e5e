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

/** bob's request branch: adds a grant, changes the policy, removes .keep, renames CODEOWNERS. */
function requestBranch(w: World, branch = 'request/bob'): string {
  w.gh.commit({
    repo: 'acme/access',
    branch,
    files: { 'grants/prod-db/bob.yml': 'grantee: bob\n' },
    message: 'Request prod-db',
    author: 'bob',
  });
  return w.gh.commit({
    repo: 'acme/access',
    branch,
    files: {
      'access.yml': 'version: 1\nresources: { a: {} }\n',
      'grants/prod-db/.keep': null,
      '.github/CODEOWNERS': null,
      CODEOWNERS: '* @acme/sre\n',
    },
    message: 'More',
    author: 'bob',
  });
}

describe('pull requests', () => {
  it('opens, lists, pages and refuses duplicates as GitHub does', async () => {
    const w = await world();
    requestBranch(w);
    const bob = w.as('bob');
    const pr = await bob.rest.pulls.create({
      ...w.repo,
      title: 'prod-db for bob',
      head: 'request/bob',
      base: 'main',
      body: 'INC-1',
    });
    expect(pr.status).toBe(201);
    expect(pr.data).toMatchObject({
      number: 1,
      state: 'open',
      user: { login: 'bob' },
      head: { ref: 'request/bob' },
      base: { ref: 'main' },
      merged: false,
      mergeable: true,
    });
    const dup = await outcome(
      bob.rest.pulls.create({ ...w.repo, title: 'again', head: 'acme:request/bob', base: 'main' }),
    );
    expect(dup).toMatchObject({
      status: 422,
      data: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'A pull request already exists for acme:request/bob.',
          },
        ],
      },
    });
    expect(
      (await outcome(bob.rest.pulls.create({ ...w.repo, title: 'x', head: 'nope', base: 'main' }))).status,
    ).toBe(422);
    for (const n of [2, 3]) {
      w.gh.commit({
        repo: 'acme/access',
        branch: `r${n}`,
        files: { [`f${n}`]: 'x' },
        message: 'm',
        author: 'carol',
      });
      await w.as('carol').rest.pulls.create({ ...w.repo, title: `r${n}`, head: `r${n}`, base: 'main' });
    }
    const page = await bob.rest.pulls.list({ ...w.repo, per_page: 2 });
    expect(page.data.map((p) => p.number)).toEqual([3, 2]);
    expect(page.headers.link).toContain('rel="next"');
    const all = await bob.paginate(bob.rest.pulls.list, { ...w.repo, per_page: 2 });
    expect(all.map((p) => p.number)).toEqual([3, 2, 1]);
    const byHead = await bob.rest.pulls.list({ ...w.repo, head: 'acme:request/bob', state: 'all' });
    expect(byHead.data.map((p) => p.number)).toEqual([1]);
    expect((await bob.rest.pulls.list({ ...w.repo, state: 'closed' })).data).toEqual([]);
  });

  it('lists files with added/modified/removed/renamed and commits with their authors', async () => {
    const w = await world();
    requestBranch(w);
    const bob = w.as('bob');
    await bob.rest.pulls.create({ ...w.repo, title: 't', head: 'request/bob', base: 'main' });
    const files = await bob.rest.pulls.listFiles({ ...w.repo, pull_number: 1 });
    expect(files.data.map((f) => [f.filename, f.status, f.previous_filename])).toEqual([
      ['CODEOWNERS', 'renamed', '.github/CODEOWNERS'],
      ['access.yml', 'modified', undefined],
      ['grants/prod-db/.keep', 'removed', undefined],
      ['grants/prod-db/bob.yml', 'added', undefined],
    ]);
    const added = files.data.find((f) => f.status === 'added');
    const blob = await bob.rest.git.getBlob({ ...w.repo, file_sha: added?.sha ?? '' });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe('grantee: bob\n');
    expect(added?.patch).toBe('@@ -0,0 +1,1 @@\n+grantee: bob');
    const commits = await bob.rest.pulls.listCommits({ ...w.repo, pull_number: 1 });
    expect(commits.data.map((c) => [c.commit.message, c.author?.login, c.committer?.login])).toEqual([
      ['Request prod-db', 'bob', 'bob'],
      ['More', 'bob', 'bob'],
    ]);
  });

  it('records reviews on the head at review time, refuses self-approval, and dismisses', async () => {
    const w = await world();
    const head = requestBranch(w);
    await w.as('bob').rest.pulls.create({ ...w.repo, title: 't', head: 'request/bob', base: 'main' });
    const own = await outcome(
      w.as('bob').rest.pulls.createReview({ ...w.repo, pull_number: 1, event: 'APPROVE' }),
    );
    expect(own).toMatchObject({
      status: 422,
      data: { message: 'Unprocessable Entity', errors: ['Can not approve your own pull request'] },
    });
    const approval = await w
      .as('carol')
      .rest.pulls.createReview({ ...w.repo, pull_number: 1, event: 'APPROVE' });
    expect(approval.data).toMatchObject({ state: 'APPROVED', commit_id: head, user: { login: 'carol' } });
    const next = w.gh.commit({
      repo: 'acme/access',
      branch: 'request/bob',
      files: { 'grants/prod-db/bob.yml': 'grantee: bob\nrole: maintainer\n' },
      message: 'role',
      author: 'bob',
    });
    const pr = await w.as('alice').rest.pulls.get({ ...w.repo, pull_number: 1 });
    expect(pr.data.head.sha).toBe(next);
    await w
      .as('alice')
      .rest.pulls.createReview({ ...w.repo, pull_number: 1, event: 'REQUEST_CHANGES', body: 'no' });
    const reviews = await w.as('bob').rest.pulls.listReviews({ ...w.repo, pull_number: 1 });
    expect(reviews.data.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([
      ['carol', 'APPROVED', head],
      ['alice', 'CHANGES_REQUESTED', next],
    ]);
    const dismissed = await w
      .as('alice')
      .rest.pulls.dismissReview({ ...w.repo, pull_number: 1, review_id: approval.data.id, message: 'stale' });
    expect(dismissed.data.state).toBe('DISMISSED');
    const pending = await w
      .as('dave')
      .rest.pulls.createReview({ ...w.repo, pull_number: 1 })
      .catch((e: { status: number }) => e.status);
    expect(pending).toBe(404);
  });

  it('merges by GitHub’s rules: head sha, required checks, bypass actors, once only', async () => {
    const w = await world();
    const head = requestBranch(w);
    const carol = w.as('carol');
    await w
      .as('bob')
      .rest.pulls.create({ ...w.repo, title: 'prod-db for bob', head: 'request/bob', base: 'main' });
    w.gh.protectBranch({
      repo: 'acme/access',
      branch: 'main',
      requiredStatusChecks: ['grantops'],
      bypassActors: ['alice'],
    });
    const stale = await outcome(carol.rest.pulls.merge({ ...w.repo, pull_number: 1, sha: 'a'.repeat(40) }));
    expect(stale).toMatchObject({
      status: 409,
      data: { message: 'Head branch was modified. Review and try the merge again.' },
    });
    expect(await outcome(carol.rest.pulls.merge({ ...w.repo, pull_number: 1, sha: head }))).toMatchObject({
      status: 405,
      data: { message: 'Required status check "grantops" is expected.' },
    });
    w.gh.createCheckRun({ repo: 'acme/access', ref: head, name: 'grantops', conclusion: 'failure' });
    expect((await carol.rest.pulls.get({ ...w.repo, pull_number: 1 })).data.mergeable_state).toBe('blocked');
    expect((await outcome(carol.rest.pulls.merge({ ...w.repo, pull_number: 1 }))).data).toMatchObject({
      message: 'Required status check "grantops" is failing.',
    });
    w.gh.createCheckRun({ repo: 'acme/access', ref: head, name: 'grantops', conclusion: 'success' });
    const base = w.gh.resolve({ repo: 'acme/access', ref: 'main' });
    const merged = await carol.rest.pulls.merge({
      ...w.repo,
      pull_number: 1,
      sha: head,
      merge_method: 'merge',
    });
    expect(merged.data).toMatchObject({ merged: true, message: 'Pull Request successfully merged' });
    const main = await carol.rest.git.getCommit({ ...w.repo, commit_sha: merged.data.sha });
    expect(main.data.parents.map((p) => p.sha)).toEqual([base, head]);
    expect(w.gh.resolve({ repo: 'acme/access', ref: 'main' })).toBe(merged.data.sha);
    const pr = await carol.rest.pulls.get({ ...w.repo, pull_number: 1 });
    expect(pr.data).toMatchObject({
      state: 'closed',
      merged: true,
      merged_by: { login: 'carol' },
      merge_commit_sha: merged.data.sha,
    });
    expect((await carol.rest.pulls.listFiles({ ...w.repo, pull_number: 1 })).data).toHaveLength(4);
    expect((await outcome(carol.rest.pulls.merge({ ...w.repo, pull_number: 1 }))).data).toMatchObject({
      message: 'Pull Request is not mergeable',
    });
    expect((await carol.rest.pulls.checkIfMerged({ ...w.repo, pull_number: 1 })).status).toBe(204);

    w.gh.commit({ repo: 'acme/access', branch: 'bypass', files: { x: 'y' }, message: 'x', author: 'alice' });
    await w.as('alice').rest.pulls.create({ ...w.repo, title: 'bypass', head: 'bypass', base: 'main' });
    expect((await outcome(carol.rest.pulls.merge({ ...w.repo, pull_number: 2 }))).status).toBe(405);
    expect(
      (await w.as('alice').rest.pulls.merge({ ...w.repo, pull_number: 2, merge_method: 'squash' })).data
        .merged,
    ).toBe(true);
  });

  it('refuses conflicting merges and squashes or rebases into single-parent commits', async () => {
    const w = await world();
    for (const b of ['one', 'two']) {
      w.gh.commit({
        repo: 'acme/access',
        branch: b,
        files: { 'access.yml': `version: ${b}\n` },
        message: b,
        author: 'bob',
      });
      await w.as('bob').rest.pulls.create({ ...w.repo, title: b, head: b, base: 'main' });
    }
    w.gh.commit({
      repo: 'acme/access',
      branch: 'three',
      files: { three: '3' },
      message: 'three-a',
      author: 'bob',
    });
    w.gh.commit({
      repo: 'acme/access',
      branch: 'three',
      files: { three: '33' },
      message: 'three-b',
      author: 'bob',
    });
    await w.as('bob').rest.pulls.create({ ...w.repo, title: 'three', head: 'three', base: 'main' });
    const alice = w.as('alice');
    const squash = await alice.rest.pulls.merge({ ...w.repo, pull_number: 1, merge_method: 'squash' });
    const squashed = await alice.rest.git.getCommit({ ...w.repo, commit_sha: squash.data.sha });
    expect(squashed.data.parents).toHaveLength(1);
    expect(squashed.data.message.split('\n')[0]).toBe('one (#1)');
    const two = await alice.rest.pulls.get({ ...w.repo, pull_number: 2 });
    expect(two.data).toMatchObject({ mergeable: false, mergeable_state: 'dirty' });
    expect((await outcome(alice.rest.pulls.merge({ ...w.repo, pull_number: 2 }))).data).toMatchObject({
      message: 'Pull Request is not mergeable',
    });
    const rebased = await alice.rest.pulls.merge({ ...w.repo, pull_number: 3, merge_method: 'rebase' });
    const log = await alice.rest.repos.listCommits({ ...w.repo, per_page: 2 });
    expect(log.data.map((c) => [c.commit.message, c.parents.length])).toEqual([
      ['three-b', 1],
      ['three-a', 1],
    ]);
    expect(log.data[0]?.sha).toBe(rebased.data.sha);
    expect(w.gh.readFile({ repo: 'acme/access', path: 'three' })).toBe('33');
  });

  it('edits, closes, reopens, and closes pull requests whose branch is deleted', async () => {
    const w = await world();
    requestBranch(w);
    const bob = w.as('bob');
    await bob.rest.pulls.create({ ...w.repo, title: 't', head: 'request/bob', base: 'main' });
    expect(
      (await bob.rest.pulls.update({ ...w.repo, pull_number: 1, title: 'new', state: 'closed' })).data,
    ).toMatchObject({ title: 'new', state: 'closed', merged: false });
    expect((await bob.rest.pulls.update({ ...w.repo, pull_number: 1, state: 'open' })).data.state).toBe(
      'open',
    );
    expect(
      (await outcome(w.as('dave').rest.pulls.update({ ...w.repo, pull_number: 1, title: 'x' }))).status,
    ).toBe(404);
    await bob.rest.git.deleteRef({ ...w.repo, ref: 'heads/request/bob' });
    expect(w.gh.pulls('acme/access')[0]).toMatchObject({ state: 'closed', merged: false });
    const issue = await bob.rest.issues.get({ ...w.repo, issue_number: 1 });
    expect(issue.data.pull_request?.url).toContain('/pulls/1');
  });
});
