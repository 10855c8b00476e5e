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

describe('teams and memberships', () => {
  it('adds org members as active and invites outsiders as pending', async () => {
    const w = await seedAppWorld();
    gh = w.gh;
    cleanup = w.receiver.close;
    gh.createTeam({ org: 'acme', slug: 'prod-db-admins', name: 'Prod DB admins', maintainers: ['alice'] });
    const team = { org: 'acme', team_slug: 'prod-db-admins' };
    const app = w.asInstallation;
    expect((await app.rest.teams.getByName(team)).data).toMatchObject({
      slug: 'prod-db-admins',
      name: 'Prod DB admins',
      members_count: 1,
    });
    expect(
      await outcome(app.rest.teams.getMembershipForUserInOrg({ ...team, username: 'bob' })),
    ).toMatchObject({ status: 404 });
    const active = await app.rest.teams.addOrUpdateMembershipForUserInOrg({
      ...team,
      username: 'bob',
      role: 'maintainer',
    });
    expect(active.data).toMatchObject({ state: 'active', role: 'maintainer' });
    const pending = await app.rest.teams.addOrUpdateMembershipForUserInOrg({ ...team, username: 'dave' });
    expect(pending.data).toMatchObject({ state: 'pending', role: 'member' });
    expect((await app.rest.teams.getMembershipForUserInOrg({ ...team, username: 'dave' })).data.state).toBe(
      'pending',
    );
    const maintainers = await app.rest.teams.listMembersInOrg({ ...team, role: 'maintainer' });
    expect(maintainers.data.map((u) => u.login).sort()).toEqual(['alice', 'bob']);
    expect((await app.rest.teams.listMembersInOrg(team)).data.map((u) => u.login)).not.toContain('dave');
    expect(gh.orgMembers('acme').find((m) => m.login === 'dave')).toMatchObject({ state: 'pending' });
    expect(gh.acceptInvitation({ login: 'dave', org: 'acme' })).toBe(true);
    expect(
      gh.teamMembers({ org: 'acme', team: 'prod-db-admins' }).find((m) => m.login === 'dave'),
    ).toMatchObject({ state: 'active', role: 'member' });
    expect((await app.rest.teams.removeMembershipForUserInOrg({ ...team, username: 'bob' })).status).toBe(
      204,
    );
    expect(
      (await outcome(app.rest.teams.getMembershipForUserInOrg({ ...team, username: 'bob' }))).status,
    ).toBe(404);
    expect(
      (await outcome(app.rest.teams.addOrUpdateMembershipForUserInOrg({ ...team, username: 'nobody' })))
        .status,
    ).toBe(404);
  });

  it('checks org membership (204/404) and lets only owners and team maintainers manage teams', async () => {
    const w = await seedWorld();
    gh = w.gh;
    gh.createTeam({ org: 'acme', slug: 'sre', members: ['carol'], maintainers: ['bob'] });
    expect(
      (await w.as('bob').rest.orgs.checkMembershipForUser({ org: 'acme', username: 'carol' })).status,
    ).toBe(204);
    expect(
      (await outcome(w.as('bob').rest.orgs.checkMembershipForUser({ org: 'acme', username: 'dave' }))).status,
    ).toBe(404);
    const byMaintainer = await w
      .as('bob')
      .rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'alice' });
    expect(byMaintainer.data.state).toBe('active');
    const byMember = await outcome(
      w.as('carol').rest.teams.addOrUpdateMembershipForUserInOrg({
        org: 'acme',
        team_slug: 'sre',
        username: 'carol',
        role: 'maintainer',
      }),
    );
    expect(byMember.status).toBe(403);
    expect((await outcome(w.as('dave').rest.teams.getByName({ org: 'acme', team_slug: 'sre' }))).status).toBe(
      404,
    );
  });
});

describe('collaborators', () => {
  it('invites outsiders (201), updates existing collaborators (204) and reports permissions', async () => {
    const w = await seedAppWorld();
    gh = w.gh;
    cleanup = w.receiver.close;
    gh.createRepo({ owner: 'acme', name: 'payments', files: { README: 'x' } });
    const repo = { owner: 'acme', repo: 'payments' };
    const app = w.asInstallation;
    const invite = await app.rest.repos.addCollaborator({ ...repo, username: 'dave', permission: 'push' });
    expect(invite.status).toBe(201);
    expect(invite.data).toMatchObject({
      invitee: { login: 'dave' },
      inviter: { login: 'grantops[bot]' },
      permissions: 'write',
    });
    expect((await outcome(app.rest.repos.checkCollaborator({ ...repo, username: 'dave' }))).status).toBe(404);
    const invitations = await app.rest.repos.listInvitations(repo);
    expect(invitations.data.map((i) => i.invitee?.login)).toEqual(['dave']);
    expect(gh.acceptInvitation({ login: 'dave', repo: 'acme/payments' })).toBe(true);
    expect((await app.rest.repos.checkCollaborator({ ...repo, username: 'dave' })).status).toBe(204);
    const updated = await app.rest.repos.addCollaborator({ ...repo, username: 'dave', permission: 'admin' });
    expect(updated.status).toBe(204);
    const permission = await app.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'dave' });
    expect(permission.data).toMatchObject({
      permission: 'admin',
      role_name: 'admin',
      user: { login: 'dave' },
    });
    const member = await app.rest.repos.addCollaborator({
      ...repo,
      username: 'carol',
      permission: 'maintain',
    });
    expect(member.status).toBe(204);
    expect(
      (await app.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'carol' })).data,
    ).toMatchObject({ permission: 'write', role_name: 'maintain' });
    expect((await app.rest.repos.removeCollaborator({ ...repo, username: 'dave' })).status).toBe(204);
    expect(
      (await app.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'dave' })).data.permission,
    ).toBe('none');
    await app.rest.repos.addCollaborator({ ...repo, username: 'dave' });
    const [pending] = (await app.rest.repos.listInvitations(repo)).data;
    expect((await app.rest.repos.deleteInvitation({ ...repo, invitation_id: pending?.id ?? 0 })).status).toBe(
      204,
    );
    expect(gh.collaborators('acme/payments')).toEqual([
      { login: 'carol', permission: 'maintain', state: 'active' },
    ]);
  });

  it('lets the invitee accept through the API and requires admin to invite', async () => {
    const w = await seedWorld();
    gh = w.gh;
    expect(
      (await outcome(w.as('bob').rest.repos.addCollaborator({ ...w.repo, username: 'dave' }))).data,
    ).toMatchObject({ message: 'Must have admin rights to Repository.' });
    await w.as('alice').rest.repos.addCollaborator({ ...w.repo, username: 'dave', permission: 'pull' });
    const mine = await w.as('dave').rest.repos.listInvitationsForAuthenticatedUser();
    expect(
      (
        await w
          .as('dave')
          .rest.repos.acceptInvitationForAuthenticatedUser({ invitation_id: mine.data[0]?.id ?? 0 })
      ).status,
    ).toBe(204);
    expect((await w.as('dave').rest.repos.get(w.repo)).data.permissions).toMatchObject({
      pull: true,
      push: false,
    });
  });
});
