import { checkOrgAccess } from '../access.js';
import { HttpError, notFound } from '../http.js';
import { optEnum } from '../input.js';
import { paginate } from '../pagination.js';
import { acceptOrgInvitation, inviteToOrg } from '../ops/membership.js';
import { renderOrgSimple } from '../render/teams.js';
import { renderUser } from '../render/users.js';
import type { RouteDef } from '../router.js';
import { findOrg, findUser } from '../state/state.js';
import type { Org } from '../state/types.js';
import type { Core } from '../core.js';
import { noContent, ok, orgRoute, param, route } from './define.js';

function membershipBody(core: Core, org: Org, login: string): Record<string, unknown> | undefined {
  const key = login.toLowerCase();
  const role = org.members.get(key);
  const invited = org.invitations.get(key);
  if (!role && !invited) return undefined;
  return {
    url: `${core.url}/orgs/${org.login}/memberships/${login}`,
    state: role ? 'active' : 'pending',
    role: role ?? (invited?.role === 'admin' ? 'admin' : 'member'),
    organization_url: `${core.url}/orgs/${org.login}`,
    organization: renderOrgSimple(core, org),
    user: renderUser(core, login),
  };
}

/** Organizations and org membership. */
export const orgsRoutes: RouteDef[] = [
  orgRoute('GET', '/orgs/{org}', (ctx) =>
    ok({
      ...renderOrgSimple(ctx.core, ctx.org),
      name: ctx.org.name,
      type: 'Organization',
      created_at: ctx.org.createdAt,
    }),
  ),
  orgRoute('GET', '/orgs/{org}/members', (ctx) => {
    const role = ctx.query.get('role') ?? 'all';
    const logins = [...ctx.org.members]
      .filter(([, r]) => role === 'all' || r === role)
      .map(([login]) => login);
    const page = paginate({ items: logins, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((login) => renderUser(ctx.core, login)),
      page.headers,
    );
  }),
  orgRoute('GET', '/orgs/{org}/members/{username}', (ctx) => {
    if (!ctx.org.members.has(param(ctx, 'username').toLowerCase())) throw notFound();
    return noContent();
  }),
  orgRoute('DELETE', '/orgs/{org}/members/{username}', (ctx) => {
    checkOrgAccess(ctx.core, ctx.actor, ctx.org, 'write');
    const key = param(ctx, 'username').toLowerCase();
    ctx.org.members.delete(key);
    for (const team of ctx.core.state.teams.values())
      if (team.org.toLowerCase() === ctx.org.login.toLowerCase()) team.members.delete(key);
    return noContent();
  }),
  orgRoute('GET', '/orgs/{org}/memberships/{username}', (ctx) => {
    const body = membershipBody(ctx.core, ctx.org, param(ctx, 'username'));
    if (!body) throw notFound();
    return ok(body);
  }),
  orgRoute('PUT', '/orgs/{org}/memberships/{username}', (ctx) => {
    checkOrgAccess(ctx.core, ctx.actor, ctx.org, 'write');
    const user = findUser(ctx.core.state, param(ctx, 'username'));
    if (!user) throw notFound();
    const role = optEnum(ctx.body, 'role', ['admin', 'member'] as const) ?? 'member';
    const key = user.login.toLowerCase();
    if (ctx.org.members.has(key)) ctx.org.members.set(key, role);
    else
      inviteToOrg(
        ctx.core,
        ctx.org,
        user.login,
        ctx.actor.login ?? 'ghost',
        role === 'admin' ? 'admin' : 'direct_member',
      );
    return ok(membershipBody(ctx.core, ctx.org, user.login));
  }),
  orgRoute('GET', '/orgs/{org}/invitations', (ctx) =>
    ok(
      [...ctx.org.invitations.values()].map((i) => ({
        id: i.id,
        login: i.login,
        email: null,
        role: i.role,
        created_at: i.createdAt,
        inviter: renderUser(ctx.core, i.inviter),
        team_count: 0,
        invitation_teams_url: `${ctx.core.url}/organizations/${ctx.org.id}/invitations/${i.id}/teams`,
      })),
    ),
  ),
  route('GET', '/user/memberships/orgs/{org}', (ctx) => {
    const org = findOrg(ctx.core.state, param(ctx, 'org'));
    const body =
      org && ctx.actor.kind === 'user' ? membershipBody(ctx.core, org, ctx.actor.login) : undefined;
    if (!body) throw notFound();
    return ok(body);
  }),
  route('PATCH', '/user/memberships/orgs/{org}', (ctx) => {
    const org = findOrg(ctx.core.state, param(ctx, 'org'));
    if (!org || ctx.actor.kind !== 'user') throw notFound();
    if (ctx.body['state'] !== 'active')
      throw new HttpError(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'OrgMembership', field: 'state', code: 'invalid' }],
      });
    if (
      !org.members.has(ctx.actor.login.toLowerCase()) &&
      !acceptOrgInvitation(ctx.core, org, ctx.actor.login)
    )
      throw notFound();
    return ok(membershipBody(ctx.core, org, ctx.actor.login));
  }),
];
