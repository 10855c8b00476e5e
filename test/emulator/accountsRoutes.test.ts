import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { outcome } from './status.js';
import { seedAppWorld, seedWorld } from './world.js';

let gh: Emulator | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await cleanup?.();
  await gh?.close();
  gh = undefined;
  cleanup = undefined;
});

describe('users, orgs and org memberships', () => {
  it('serves users, the org, its members and invitations', async () => {
    const w = await seedWorld();
    gh = w.gh;
    const alice = w.as('alice');
    expect((await alice.rest.users.getByUsername({ username: 'BOB' })).data).toMatchObject({
      login: 'bob',
      type: 'User',
      name: 'BOB',
    });
    expect((await outcome(alice.rest.users.getByUsername({ username: 'nobody' }))).status).toBe(404);
    expect((await outcome(w.anonymous.rest.users.getAuthenticated())).status).toBe(401);
    expect((await alice.rest.rateLimit.get()).data.resources.core.limit).toBe(5000);
    expect((await alice.rest.orgs.get({ org: 'acme' })).data).toMatchObject({
      login: 'acme',
      type: 'Organization',
    });
    const admins = await alice.rest.orgs.listMembers({ org: 'acme', role: 'admin' });
    expect(admins.data.map((u) => u.login)).toEqual(['alice']);
    const invited = await alice.rest.orgs.setMembershipForUser({
      org: 'acme',
      username: 'dave',
      role: 'member',
    });
    expect(invited.data).toMatchObject({ state: 'pending', role: 'member', user: { login: 'dave' } });
    expect((await alice.rest.orgs.listPendingInvitations({ org: 'acme' })).data.map((i) => i.login)).toEqual([
      'dave',
    ]);
    expect((await w.as('dave').rest.orgs.getMembershipForAuthenticatedUser({ org: 'acme' })).data.state).toBe(
      'pending',
    );
    expect(
      (await w.as('dave').rest.orgs.updateMembershipForAuthenticatedUser({ org: 'acme', state: 'active' }))
        .data.state,
    ).toBe('active');
    expect(
      (await alice.rest.orgs.getMembershipForUser({ org: 'acme', username: 'dave' })).data,
    ).toMatchObject({ state: 'active', role: 'member' });
    expect(
      (await alice.rest.orgs.setMembershipForUser({ org: 'acme', username: 'dave', role: 'admin' })).data
        .role,
    ).toBe('admin');
    expect(
      (
        await outcome(
          w.as('bob').rest.orgs.setMembershipForUser({ org: 'acme', username: 'carol', role: 'admin' }),
        )
      ).status,
    ).toBe(403);
    expect((await alice.rest.orgs.removeMember({ org: 'acme', username: 'dave' })).status).toBe(204);
    expect(
      (await outcome(alice.rest.orgs.getMembershipForUser({ org: 'acme', username: 'dave' }))).status,
    ).toBe(404);
    expect((await outcome(alice.rest.orgs.get({ org: 'nope' }))).status).toBe(404);
  });

  it('lists teams and collaborators with affiliation', async () => {
    const w = await seedAppWorld();
    gh = w.gh;
    cleanup = w.receiver.close;
    gh.createTeam({ org: 'acme', slug: 'sre', members: ['bob', 'dave'], repos: { access: 'maintain' } });
    const app = w.asInstallation;
    expect((await app.rest.teams.list({ org: 'acme' })).data.map((t) => t.slug)).toEqual(['sre']);
    expect(gh.teamMembers({ org: 'acme', team: 'sre' })).toEqual([
      { login: 'bob', role: 'member', state: 'active' },
      { login: 'dave', role: 'member', state: 'pending' },
    ]);
    expect(
      (await app.rest.repos.getCollaboratorPermissionLevel({ ...w.repo, username: 'bob' })).data.role_name,
    ).toBe('maintain');
    await w.as('alice').rest.repos.addCollaborator({ ...w.repo, username: 'dave', permission: 'triage' });
    gh.acceptInvitation({ login: 'dave', repo: 'acme/access' });
    const outside = await app.rest.repos.listCollaborators({ ...w.repo, affiliation: 'outside' });
    expect(outside.data.map((u) => [u.login, u.role_name])).toEqual([['dave', 'triage']]);
    const all = await app.rest.repos.listCollaborators(w.repo);
    expect(all.data.map((u) => u.login).sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
    const invitation = await w
      .as('alice')
      .rest.repos.addCollaborator({ ...w.repo, username: 'erin' })
      .catch((e: { status: number }) => e.status);
    expect(invitation).toBe(404);
  });
});

describe('branches and statuses', () => {
  it('lists branches, reports protection and refuses direct pushes to PR-only branches', async () => {
    const w = await seedWorld();
    gh = w.gh;
    gh.protectBranch({
      repo: 'acme/access',
      branch: 'main',
      requiredStatusChecks: ['ci'],
      requirePullRequest: true,
      bypassActors: ['alice'],
    });
    const bob = w.as('bob');
    expect((await bob.rest.repos.listBranches(w.repo)).data.map((b) => [b.name, b.protected])).toEqual([
      ['main', true],
    ]);
    expect((await bob.rest.repos.getBranch({ ...w.repo, branch: 'main' })).data.protection).toMatchObject({
      enabled: true,
      required_status_checks: { contexts: ['ci'] },
    });
    expect((await outcome(bob.rest.repos.getBranch({ ...w.repo, branch: 'nope' }))).status).toBe(404);
    const content = Buffer.from('x').toString('base64');
    const refused = await outcome(
      bob.rest.repos.createOrUpdateFileContents({ ...w.repo, path: 'x', message: 'x', content }),
    );
    expect(refused).toMatchObject({
      status: 422,
      data: { message: 'Protected branch update failed for refs/heads/main.' },
    });
    expect(
      (
        await w
          .as('alice')
          .rest.repos.createOrUpdateFileContents({ ...w.repo, path: 'x', message: 'x', content })
      ).status,
    ).toBe(201);
  });

  it('satisfies required checks with commit statuses and combines them', async () => {
    const w = await seedWorld();
    gh = w.gh;
    const head = gh.commit({
      repo: 'acme/access',
      branch: 'r',
      files: { a: 'b' },
      message: 'm',
      author: 'bob',
    });
    gh.protectBranch({
      repo: 'acme/access',
      branch: 'main',
      requiredStatusChecks: ['ci/build', 'ci/test'],
      requiredApprovingReviewCount: 1,
    });
    const bob = w.as('bob');
    await bob.rest.pulls.create({ ...w.repo, title: 't', head: 'r', base: 'main' });
    expect((await outcome(bob.rest.pulls.merge({ ...w.repo, pull_number: 1 }))).data).toMatchObject({
      message: '2 of 2 required status checks are expected.',
    });
    await bob.rest.repos.createCommitStatus({ ...w.repo, sha: head, state: 'success', context: 'ci/build' });
    await bob.rest.repos.createCommitStatus({ ...w.repo, sha: head, state: 'pending', context: 'ci/test' });
    expect((await bob.rest.repos.getCombinedStatusForRef({ ...w.repo, ref: 'r' })).data).toMatchObject({
      state: 'pending',
      total_count: 2,
    });
    await bob.rest.repos.createCommitStatus({ ...w.repo, sha: head, state: 'success', context: 'ci/test' });
    expect((await bob.rest.repos.getCombinedStatusForRef({ ...w.repo, ref: 'r' })).data.state).toBe(
      'success',
    );
    expect((await outcome(bob.rest.pulls.merge({ ...w.repo, pull_number: 1 }))).data).toMatchObject({
      message: 'At least 1 approving review is required by reviewers with write access.',
    });
    await w.as('carol').rest.pulls.createReview({ ...w.repo, pull_number: 1, event: 'APPROVE' });
    expect((await bob.rest.pulls.merge({ ...w.repo, pull_number: 1 })).data.merged).toBe(true);
  });
});
