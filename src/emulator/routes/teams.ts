import { checkOrgAccess } from '../access.js';
import { HttpError, notFound } from '../http.js';
import { optEnum } from '../input.js';
import { paginate } from '../pagination.js';
import { setTeamMembership, teamMembership } from '../ops/membership.js';
import { renderTeamObject } from '../render/teams.js';
import { renderUser } from '../render/users.js';
import type { RouteDef } from '../router.js';
import { findTeam, findUser } from '../state/state.js';
import type { Team, User } from '../state/types.js';
import { noContent, ok, orgRoute, param, type OrgCtx } from './define.js';

function team(ctx: OrgCtx): Team {
  const found = findTeam(ctx.core.state, ctx.org.login, param(ctx, 'team_slug'));
  if (!found) throw notFound();
  return found;
}

function user(ctx: OrgCtx): User {
  const found = findUser(ctx.core.state, param(ctx, 'username'));
  if (!found) throw notFound();
  return found;
}

/** Org owners, team maintainers and installations with `members: write` manage memberships. */
function checkCanManage(ctx: OrgCtx, target: Team): void {
  if (ctx.actor.kind === 'user' && target.members.get(ctx.actor.login.toLowerCase()) === 'maintainer') return;
  checkOrgAccess(ctx.core, ctx.actor, ctx.org, 'write');
}

function membershipBody(
  ctx: OrgCtx,
  target: Team,
  login: string,
  m: { role: string; state: string },
): Record<string, unknown> {
  return {
    url: `${ctx.core.url}/organizations/${ctx.org.id}/team/${target.id}/memberships/${login}`,
    role: m.role,
    state: m.state,
  };
}

/** Teams and team memberships. */
export const teamsRoutes: RouteDef[] = [
  orgRoute('GET', '/orgs/{org}/teams', (ctx) => {
    const teams = [...ctx.core.state.teams.values()].filter(
      (t) => t.org.toLowerCase() === ctx.org.login.toLowerCase(),
    );
    const page = paginate({ items: teams, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((t) => renderTeamObject(ctx.core, t)),
      page.headers,
    );
  }),
  orgRoute('GET', '/orgs/{org}/teams/{team_slug}', (ctx) => ok(renderTeamObject(ctx.core, team(ctx)))),
  orgRoute('GET', '/orgs/{org}/teams/{team_slug}/members', (ctx) => {
    const target = team(ctx);
    const role = ctx.query.get('role') ?? 'all';
    const logins = [...target.members]
      .filter(([, r]) => role === 'all' || r === role)
      .map(([login]) => login);
    const page = paginate({ items: logins, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((login) => renderUser(ctx.core, login)),
      page.headers,
    );
  }),
  orgRoute('GET', '/orgs/{org}/teams/{team_slug}/invitations', (ctx) => {
    const target = team(ctx);
    const pending = [...target.pending.keys()].flatMap((key) => {
      const invitation = ctx.org.invitations.get(key);
      return invitation ? [invitation] : [];
    });
    const page = paginate({ items: pending, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((i) => ({
        id: i.id,
        node_id: Buffer.from(`018:OrganizationInvitation${i.id}`).toString('base64'),
        login: i.login,
        email: null,
        role: i.role,
        created_at: i.createdAt,
        failed_at: null,
        failed_reason: null,
        inviter: renderUser(ctx.core, i.inviter),
        team_count: [...ctx.core.state.teams.values()].filter((t) => t.pending.has(i.login.toLowerCase()))
          .length,
        invitation_teams_url: `${ctx.core.url}/organizations/${ctx.org.id}/invitations/${i.id}/teams`,
        invitation_source: 'member',
      })),
      page.headers,
    );
  }),
  orgRoute('GET', '/orgs/{org}/teams/{team_slug}/memberships/{username}', (ctx) => {
    const target = team(ctx);
    const found = user(ctx);
    const membership = teamMembership(target, found.login);
    if (!membership) throw notFound();
    return ok(membershipBody(ctx, target, found.login, membership));
  }),
  orgRoute('PUT', '/orgs/{org}/teams/{team_slug}/memberships/{username}', (ctx) => {
    const target = team(ctx);
    checkCanManage(ctx, target);
    const found = user(ctx);
    if (found.type !== 'User')
      throw new HttpError(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'TeamMember', code: 'invalid', field: 'user' }],
      });
    const role = optEnum(ctx.body, 'role', ['member', 'maintainer'] as const) ?? 'member';
    const state = setTeamMembership(ctx.core, {
      org: ctx.org,
      team: target,
      login: found.login,
      role,
      inviter: ctx.actor.login ?? 'ghost',
    });
    return ok(membershipBody(ctx, target, found.login, { role, state }));
  }),
  orgRoute('DELETE', '/orgs/{org}/teams/{team_slug}/memberships/{username}', (ctx) => {
    const target = team(ctx);
    checkCanManage(ctx, target);
    const key = user(ctx).login.toLowerCase();
    target.members.delete(key);
    target.pending.delete(key);
    return noContent();
  }),
];
