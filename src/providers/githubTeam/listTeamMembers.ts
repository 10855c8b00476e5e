import type { Member } from '../../core/access/index.js';
import { callGitHub } from '../callGitHub.js';
import { collectPages, PER_PAGE } from '../collectPages.js';
import { teamErrorContext } from './teamErrorContext.js';
import type { TeamLocation } from './teamLocation.js';
import type { TeamOctokit } from './teamOctokit.js';

/** Everyone in a team with their role, and everyone invited to it (`pending`). */
export async function listTeamMembers(octokit: TeamOctokit, where: TeamLocation): Promise<Member[]> {
  const { org, team } = where;
  const context = teamErrorContext({ ...where, doing: `listing the members of ${org}/${team}` });
  const list = (role: 'member' | 'maintainer') =>
    callGitHub(context, () =>
      collectPages(async (page) => {
        const params = { org, team_slug: team, role, per_page: PER_PAGE, page };
        return (await octokit.rest.teams.listMembersInOrg(params)).data;
      }),
    );
  const maintainers = await list('maintainer');
  const members = await list('member');
  const invited = await callGitHub(context, () =>
    collectPages(async (page) => {
      const params = { org, team_slug: team, per_page: PER_PAGE, page };
      return (await octokit.rest.teams.listPendingInvitationsInOrg(params)).data;
    }),
  );
  return [
    ...maintainers.map((m): Member => ({ grantee: m.login, level: 'maintainer' })),
    ...members.map((m): Member => ({ grantee: m.login, level: 'member' })),
    // Invitations by email have no login yet: nobody to report until they are accepted.
    ...invited.flatMap((i): Member[] => (i.login ? [{ grantee: i.login, level: 'pending' }] : [])),
  ];
}
