import type { Member } from '../../core/access/index.js';
import { callGitHub } from '../callGitHub.js';
import { collectPages, PER_PAGE } from '../collectPages.js';
import { listInvitations } from './findInvitation.js';
import { repoErrorContext } from './repoErrorContext.js';
import { repoLevelOf } from './repoLevelOf.js';
import type { RepoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';

/**
 * The repository's direct collaborators with their level, and open invitations (`invited`). Access
 * through teams and the organization's base permission is not listed: a github-repo resource manages
 * direct collaborators only.
 */
export async function listRepoMembers(octokit: RepoOctokit, where: RepoLocation): Promise<Member[]> {
  const context = repoErrorContext(
    where,
    'collaborator',
    `listing the collaborators of ${where.owner}/${where.repo}`,
  );
  const collaborators = await callGitHub(context, () =>
    collectPages(async (page) => {
      const params = {
        owner: where.owner,
        repo: where.repo,
        affiliation: 'direct',
        per_page: PER_PAGE,
        page,
      } as const;
      return (await octokit.rest.repos.listCollaborators(params)).data;
    }),
  );
  const invited = await listInvitations(octokit, where);
  const known = new Set(collaborators.map((c) => c.login.toLowerCase()));
  return [
    ...collaborators.map((c): Member => ({ grantee: c.login, level: repoLevelOf(c) })),
    ...[...invited.keys()]
      .filter((login) => !known.has(login))
      .map((login): Member => ({ grantee: login, level: 'invited' })),
  ];
}
