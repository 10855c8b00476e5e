import { timestamp, type Core } from '../core.js';
import { findUser } from '../state/state.js';
import type { Org, Team, TeamRole } from '../state/types.js';

/** Invites a user to an org (GitHub sends an email; the emulator keeps a pending invitation). */
export function inviteToOrg(
  core: Core,
  org: Org,
  login: string,
  inviter: string,
  role: 'admin' | 'direct_member' = 'direct_member',
): void {
  const key = login.toLowerCase();
  if (org.members.has(key) || org.invitations.has(key)) return;
  const user = findUser(core.state, login);
  org.invitations.set(key, {
    id: core.state.nextId(),
    login: user?.login ?? login,
    role,
    inviter,
    createdAt: timestamp(core),
  });
}

/** Accepts a pending org invitation: the user becomes a member and pending team memberships activate. */
export function acceptOrgInvitation(core: Core, org: Org, login: string): boolean {
  const key = login.toLowerCase();
  const invitation = org.invitations.get(key);
  if (!invitation) return false;
  org.invitations.delete(key);
  org.members.set(key, invitation.role === 'admin' ? 'admin' : 'member');
  for (const team of core.state.teams.values()) {
    if (team.org.toLowerCase() !== org.login.toLowerCase()) continue;
    const role = team.pending.get(key);
    if (!role) continue;
    team.pending.delete(key);
    team.members.set(key, role);
  }
  return true;
}

/** The state of a user's team membership, GitHub's `active` or `pending`, or undefined. */
export function teamMembership(
  team: Team,
  login: string,
): { role: TeamRole; state: 'active' | 'pending' } | undefined {
  const key = login.toLowerCase();
  const active = team.members.get(key);
  if (active) return { role: active, state: 'active' };
  const pending = team.pending.get(key);
  return pending ? { role: pending, state: 'pending' } : undefined;
}

/**
 * Adds or updates a team membership: active for org members, pending (with an org invitation)
 * for others, as `PUT /orgs/{org}/teams/{team_slug}/memberships/{username}` does.
 */
export function setTeamMembership(
  core: Core,
  params: { org: Org; team: Team; login: string; role: TeamRole; inviter: string },
): 'active' | 'pending' {
  const key = params.login.toLowerCase();
  if (params.org.members.has(key)) {
    params.team.pending.delete(key);
    params.team.members.set(key, params.role);
    return 'active';
  }
  inviteToOrg(core, params.org, params.login, params.inviter);
  params.team.pending.set(key, params.role);
  return 'pending';
}
