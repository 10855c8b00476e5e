import { callGitHub } from '../callGitHub.js';
import { collectPages, PER_PAGE } from '../collectPages.js';
import { repoErrorContext } from './repoErrorContext.js';
import type { RepoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';

/** The ids of the repository's open invitations by login (lowercased). */
export async function listInvitations(
  octokit: RepoOctokit,
  where: RepoLocation,
): Promise<Map<string, number>> {
  const context = repoErrorContext(
    where,
    'invitee',
    `listing the invitations of ${where.owner}/${where.repo}`,
  );
  const invitations = await callGitHub(context, () =>
    collectPages(async (page) => {
      const params = { owner: where.owner, repo: where.repo, per_page: PER_PAGE, page };
      return (await octokit.rest.repos.listInvitations(params)).data;
    }),
  );
  const byLogin = new Map<string, number>();
  for (const invitation of invitations)
    if (invitation.invitee) byLogin.set(invitation.invitee.login.toLowerCase(), invitation.id);
  return byLogin;
}

/** The id of the open invitation of `login` to the repository, if there is one. */
export async function findInvitation(
  octokit: RepoOctokit,
  where: RepoLocation,
  login: string,
): Promise<number | undefined> {
  return (await listInvitations(octokit, where)).get(login.toLowerCase());
}
