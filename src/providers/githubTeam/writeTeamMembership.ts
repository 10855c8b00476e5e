import type { AccessLevel } from '../../core/access/index.js';
import { callGitHub } from '../callGitHub.js';
import { httpFailure } from '../httpFailure.js';
import { providerErrorFromHttp } from '../providerErrorFromHttp.js';
import { teamErrorContext } from './teamErrorContext.js';
import type { TeamLocation } from './teamLocation.js';
import type { TeamMembership, TeamOctokit } from './teamOctokit.js';

/** Adds a login to a team with a role, or changes its role (`PUT .../memberships/{username}`). */
export function writeTeamMembership(
  octokit: TeamOctokit,
  where: TeamLocation,
  login: string,
  level: AccessLevel,
): Promise<TeamMembership> {
  const role = level === 'maintainer' ? 'maintainer' : 'member';
  const doing = `adding ${login} to ${where.org}/${where.team} as ${role}`;
  return callGitHub(teamErrorContext({ ...where, doing }), async () => {
    const params = { org: where.org, team_slug: where.team, username: login, role } as const;
    return (await octokit.rest.teams.addOrUpdateMembershipForUserInOrg(params)).data;
  });
}

/** Removes a login from a team, or cancels its pending invitation. Already gone (404) is fine. */
export async function deleteTeamMembership(
  octokit: TeamOctokit,
  where: TeamLocation,
  login: string,
): Promise<void> {
  try {
    await octokit.rest.teams.removeMembershipForUserInOrg({
      org: where.org,
      team_slug: where.team,
      username: login,
    });
  } catch (error) {
    const doing = `removing ${login} from ${where.org}/${where.team}`;
    if (httpFailure(error).status !== 404)
      throw providerErrorFromHttp(error, teamErrorContext({ ...where, doing }));
  }
}
