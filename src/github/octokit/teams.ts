import { GitHubError, toGitHubError } from '../githubError.js';
import type { AdapterState } from './state.js';

/** Logins of a team's members (direct and of child teams, as GitHub lists them); undefined when the team does not exist. */
export async function listTeamMembers(
  state: AdapterState,
  org: string,
  teamSlug: string,
): Promise<string[] | undefined> {
  try {
    const members = await state.octokit.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
      org,
      team_slug: teamSlug,
      per_page: 100,
    });
    return members.map((m) => m.login);
  } catch (error) {
    const wrapped = toGitHubError(error, `listing the members of @${org}/${teamSlug}`);
    if (wrapped instanceof GitHubError && wrapped.kind === 'not-found') return undefined;
    throw wrapped;
  }
}
