import type { TeamLevel } from '../../core/access/index.js';
import { httpFailure } from '../httpFailure.js';
import { providerErrorFromHttp } from '../providerErrorFromHttp.js';
import { teamErrorContext } from './teamErrorContext.js';
import type { TeamLocation } from './teamLocation.js';
import type { TeamOctokit } from './teamOctokit.js';

/**
 * A login's membership of a team: its role, `pending` while the org invitation is not accepted,
 * `none` when GitHub answers 404 (not a member).
 */
export async function readTeamLevel(
  octokit: TeamOctokit,
  where: TeamLocation,
  login: string,
): Promise<TeamLevel> {
  try {
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
      org: where.org,
      team_slug: where.team,
      username: login,
    });
    if (data.state === 'pending') return 'pending';
    return data.role === 'maintainer' ? 'maintainer' : 'member';
  } catch (error) {
    if (httpFailure(error).status === 404) return 'none';
    throw providerErrorFromHttp(
      error,
      teamErrorContext({ ...where, doing: `reading ${login}'s membership of ${where.org}/${where.team}` }),
    );
  }
}
