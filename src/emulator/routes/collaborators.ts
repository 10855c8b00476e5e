import { userRepoPermission } from '../access.js';
import { htmlUrl, repoUrl, timestamp, type Core } from '../core.js';
import { notFound, validationFailed } from '../http.js';
import { optEnum } from '../input.js';
import { paginate } from '../pagination.js';
import { permissionFlags, renderRepo } from '../render/repos.js';
import { renderUser } from '../render/users.js';
import type { RouteDef } from '../router.js';
import { findOrg, findUser } from '../state/state.js';
import type { Repo, RepoInvitation, RepoPermission, User } from '../state/types.js';
import { created, noContent, numParam, ok, param, repoRoute, type RepoCtx } from './define.js';

const admin = { permission: 'administration', level: 'admin' as const };
const read = { permission: 'metadata' };
const PERMISSIONS = ['pull', 'triage', 'push', 'maintain', 'admin'] as const;
const ROLE_NAME: Record<RepoPermission, string> = {
  pull: 'read',
  triage: 'triage',
  push: 'write',
  maintain: 'maintain',
  admin: 'admin',
};
const LEGACY: Record<RepoPermission, string> = {
  pull: 'read',
  triage: 'read',
  push: 'write',
  maintain: 'write',
  admin: 'admin',
};

function targetUser(ctx: RepoCtx): User {
  const user = findUser(ctx.core.state, param(ctx, 'username'));
  if (!user) throw notFound();
  return user;
}

/** A repository invitation as the invitations API returns it. */
export function renderInvitation(
  core: Core,
  repo: Repo,
  invitation: RepoInvitation,
): Record<string, unknown> {
  return {
    id: invitation.id,
    node_id: Buffer.from(`020:RepositoryInvitation${invitation.id}`).toString('base64'),
    repository: renderRepo(core, repo),
    invitee: renderUser(core, invitation.invitee),
    inviter: renderUser(core, invitation.inviter),
    permissions: ROLE_NAME[invitation.permission],
    created_at: invitation.createdAt,
    expired: false,
    url: `${repoUrl(core, repo)}/invitations/${invitation.id}`,
    html_url: htmlUrl(core, `${repo.owner}/${repo.name}/invitations`),
  };
}

function collaboratorBody(
  ctx: RepoCtx,
  login: string,
  permission: RepoPermission | null,
): Record<string, unknown> {
  return {
    ...renderUser(ctx.core, login),
    permissions: permissionFlags(permission),
    role_name: permission ? ROLE_NAME[permission] : 'none',
  };
}

/** Collaborators and repository invitations. */
export const collaboratorsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/collaborators', read, (ctx) => {
    const affiliation = ctx.query.get('affiliation') ?? 'all';
    const org = findOrg(ctx.core.state, ctx.repo.owner);
    const candidates = new Set<string>([...ctx.repo.collaborators.keys()]);
    if (affiliation === 'all') for (const login of org?.members.keys() ?? []) candidates.add(login);
    const list = [...candidates]
      .filter((login) => affiliation !== 'outside' || !org?.members.has(login))
      .map((login) => ({
        login: findUser(ctx.core.state, login)?.login ?? login,
        permission: userRepoPermission(ctx.core.state, ctx.repo, login),
      }))
      .filter(
        (c) =>
          c.permission !== null &&
          (!ctx.query.get('permission') || ROLE_NAME[c.permission] === ctx.query.get('permission')),
      );
    const page = paginate({ items: list, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((c) => collaboratorBody(ctx, c.login, c.permission)),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/collaborators/{username}', read, (ctx) => {
    if (!userRepoPermission(ctx.core.state, ctx.repo, targetUser(ctx).login)) throw notFound();
    return noContent();
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', read, (ctx) => {
    const user = targetUser(ctx);
    const permission =
      userRepoPermission(ctx.core.state, ctx.repo, user.login) ?? (ctx.repo.private ? null : 'pull');
    return ok({
      permission: permission ? LEGACY[permission] : 'none',
      role_name: permission ? ROLE_NAME[permission] : 'none',
      user: collaboratorBody(ctx, user.login, permission),
    });
  }),
  repoRoute('PUT', '/repos/{owner}/{repo}/collaborators/{username}', admin, (ctx) => {
    const user = targetUser(ctx);
    const permission = optEnum(ctx.body, 'permission', PERMISSIONS) ?? 'push';
    const key = user.login.toLowerCase();
    const org = findOrg(ctx.core.state, ctx.repo.owner);
    if (user.type !== 'User')
      throw validationFailed([
        {
          resource: 'Repository',
          code: 'custom',
          field: 'collaborator',
          message: 'Bots cannot be collaborators',
        },
      ]);
    if (ctx.repo.collaborators.has(key) || org?.members.has(key)) {
      ctx.repo.collaborators.set(key, permission);
      return noContent();
    }
    const existing = [...ctx.repo.invitations.values()].find((i) => i.invitee.toLowerCase() === key);
    const invitation: RepoInvitation = existing ?? {
      id: ctx.core.state.nextId(),
      invitee: user.login,
      inviter: ctx.actor.login ?? 'ghost',
      permission,
      createdAt: timestamp(ctx.core),
    };
    invitation.permission = permission;
    ctx.repo.invitations.set(invitation.id, invitation);
    return created(renderInvitation(ctx.core, ctx.repo, invitation));
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/collaborators/{username}', admin, (ctx) => {
    const key = targetUser(ctx).login.toLowerCase();
    ctx.repo.collaborators.delete(key);
    for (const [id, i] of ctx.repo.invitations)
      if (i.invitee.toLowerCase() === key) ctx.repo.invitations.delete(id);
    return noContent();
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/invitations', admin, (ctx) => {
    const page = paginate({
      items: [...ctx.repo.invitations.values()],
      query: ctx.query,
      url: ctx.core.url,
      path: ctx.path,
    });
    return ok(
      page.items.map((i) => renderInvitation(ctx.core, ctx.repo, i)),
      page.headers,
    );
  }),
  repoRoute('PATCH', '/repos/{owner}/{repo}/invitations/{invitation_id}', admin, (ctx) => {
    const invitation = ctx.repo.invitations.get(numParam(ctx, 'invitation_id'));
    if (!invitation) throw notFound();
    const asked = optEnum(ctx.body, 'permissions', ['read', 'write', 'maintain', 'triage', 'admin'] as const);
    if (asked)
      invitation.permission = (
        { read: 'pull', write: 'push', maintain: 'maintain', triage: 'triage', admin: 'admin' } as const
      )[asked];
    return ok(renderInvitation(ctx.core, ctx.repo, invitation));
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/invitations/{invitation_id}', admin, (ctx) => {
    ctx.repo.invitations.delete(numParam(ctx, 'invitation_id'));
    return noContent();
  }),
];
