import type { Membership } from '../core/checkEligibility.js';
import type { GitHubPort } from '../github/port.js';

/**
 * Reads the current members of each team (one call per team, at evaluation time) and answers
 * membership questions from them. Teams that cannot be read count as having no members, and are
 * named in `unreadable` so the check can say so.
 */
export async function resolveMembership(
  port: GitHubPort,
  teams: readonly string[],
): Promise<{ membership: Membership; unreadable: string[] }> {
  const members = new Map<string, Set<string>>();
  const unreadable: string[] = [];
  await Promise.all(
    teams.map(async (team) => {
      const [org, slug] = team.slice(1).split('/') as [string, string];
      const logins = await port.listTeamMembers(org, slug);
      if (logins === undefined) unreadable.push(team);
      members.set(team.toLowerCase(), new Set((logins ?? []).map((l) => l.toLowerCase())));
    }),
  );
  return {
    membership: (team, login) => members.get(team.toLowerCase())?.has(login.toLowerCase()) ?? false,
    unreadable: unreadable.sort(),
  };
}
