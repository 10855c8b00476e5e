import { rankOf, type AccessLevel } from '../../core/access/index.js';
import { callGitHub } from '../callGitHub.js';
import { failedResult } from '../failedResult.js';
import { httpFailure } from '../httpFailure.js';
import type { AccessTarget, Provider, RevokeResult } from '../provider.js';
import { providerErrorFromHttp } from '../providerErrorFromHttp.js';
import { readBackError } from '../readBackError.js';
import { listTeamMembers } from './listTeamMembers.js';
import { readTeamLevel } from './readTeamLevel.js';
import { teamErrorContext } from './teamErrorContext.js';
import { teamLocation, type TeamLocation } from './teamLocation.js';
import type { TeamOctokit } from './teamOctokit.js';

/** What the github-team provider needs: an Octokit slice and the installation's org (the default `org`). */
export interface GithubTeamProviderOptions {
  octokit: TeamOctokit;
  org: string;
}

/**
 * Team membership with a role (member or maintainer). A membership GitHub reports as `pending` (the
 * person is not an org member yet and must accept the invitation) is reported as pending, not applied.
 * Every write is read back. See https://docs.github.com/rest/teams/members.
 */
export function createGithubTeamProvider(options: GithubTeamProviderOptions): Provider {
  const { octokit } = options;
  const locate = (target: AccessTarget): TeamLocation => teamLocation(target, options.org);
  const placeOf = (where: TeamLocation) => `team ${where.org}/${where.team}`;

  const setRole = (where: TeamLocation, login: string, level: AccessLevel) => {
    const role = level === 'maintainer' ? 'maintainer' : 'member';
    const context = teamErrorContext({
      ...where,
      doing: `adding ${login} to ${where.org}/${where.team} as ${role}`,
    });
    return callGitHub(context, async () => {
      const params = { org: where.org, team_slug: where.team, username: login, role } as const;
      return (await octokit.rest.teams.addOrUpdateMembershipForUserInOrg(params)).data;
    });
  };

  const remove = async (where: TeamLocation, login: string): Promise<void> => {
    const context = teamErrorContext({
      ...where,
      doing: `removing ${login} from ${where.org}/${where.team}`,
    });
    try {
      await octokit.rest.teams.removeMembershipForUserInOrg({
        org: where.org,
        team_slug: where.team,
        username: login,
      });
    } catch (error) {
      // Already gone is what we wanted; the read-back below confirms it.
      if (httpFailure(error).status !== 404) throw providerErrorFromHttp(error, context);
    }
  };

  return {
    name: 'github-team',
    read: (target) => readTeamLevel(octokit, locate(target), target.grantee),
    async apply(target, change) {
      if (change.action === 'none') return { status: 'unchanged', level: change.level };
      try {
        const where = locate(target);
        const written = await setRole(where, target.grantee, change.to);
        const level = await readTeamLevel(octokit, where, target.grantee);
        if (written.state === 'pending' || level === 'pending')
          return { status: 'pending', level: 'pending' };
        if (rankOf(level) >= rankOf(change.to)) return { status: 'applied', level };
        throw readBackError({
          code: 'not-applied',
          login: target.grantee,
          place: placeOf(where),
          level,
          wanted: change.to,
        });
      } catch (error) {
        return failedResult(error);
      }
    },
    async revoke(target, change): Promise<RevokeResult> {
      if (change.action === 'none') return { status: 'unchanged', level: change.level };
      try {
        const where = locate(target);
        if (change.action === 'remove') await remove(where, target.grantee);
        else await setRole(where, target.grantee, change.to);
        const wanted = change.action === 'remove' ? 'none' : change.to;
        const level = await readTeamLevel(octokit, where, target.grantee);
        if (rankOf(level) > rankOf(wanted))
          throw readBackError({
            code: 'not-revoked',
            login: target.grantee,
            place: placeOf(where),
            level,
            wanted,
          });
        return { status: 'revoked', level };
      } catch (error) {
        return failedResult(error);
      }
    },
    listMembers: (target) => listTeamMembers(octokit, teamLocation(target, options.org)),
  };
}
