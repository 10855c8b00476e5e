import { htmlUrl, type Core } from '../core.js';
import { findOrg, findTeam } from '../state/state.js';
import type { Org, Team } from '../state/types.js';

/** An organization as embedded in payloads (`organization`). */
export function renderOrgSimple(core: Core, org: Org): Record<string, unknown> {
  const url = `${core.url}/orgs/${org.login}`;
  const id = core.state.users.get(org.login.toLowerCase())?.id ?? org.id;
  return {
    login: org.login,
    id,
    node_id: Buffer.from(`012:Organization${id}`).toString('base64'),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `${core.url}/avatars/u/${id}?v=4`,
    description: org.name,
  };
}

/** A team as the teams API returns it. */
export function renderTeamObject(core: Core, team: Team): Record<string, unknown> {
  const url = `${core.url}/organizations/${findOrg(core.state, team.org)?.id ?? 0}/team/${team.id}`;
  const org = findOrg(core.state, team.org);
  return {
    id: team.id,
    node_id: Buffer.from(`04:Team${team.id}`).toString('base64'),
    url,
    html_url: htmlUrl(core, `orgs/${team.org}/teams/${team.slug}`),
    name: team.name,
    slug: team.slug,
    description: team.description,
    privacy: team.privacy,
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
    parent: null,
    members_count: team.members.size,
    repos_count: team.repos.size,
    created_at: team.createdAt,
    updated_at: team.createdAt,
    organization: org ? renderOrgSimple(core, org) : null,
  };
}

/** A team by org and slug, as embedded in pull requests (`requested_teams`). */
export function renderTeam(core: Core, org: string, slug: string): Record<string, unknown> | undefined {
  const team = findTeam(core.state, org, slug);
  if (!team) return undefined;
  const { organization: _org, members_count: _m, repos_count: _r, ...simple } = renderTeamObject(core, team);
  return simple;
}
