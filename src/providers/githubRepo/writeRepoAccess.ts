import type { AccessLevel } from '../../core/access/index.js';
import { REPO_PERMISSIONS, type RepoPermission } from '../../core/types.js';
import { callGitHub } from '../callGitHub.js';
import { findInvitation } from './findInvitation.js';
import { repoErrorContext } from './repoErrorContext.js';
import type { RepoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';

/**
 * Gives a login a permission (`PUT .../collaborators/{username}`). GitHub answers 204 when it took
 * effect and 201 with an invitation when the person must accept first.
 */
export function writeRepoPermission(
  octokit: RepoOctokit,
  where: RepoLocation,
  login: string,
  level: AccessLevel,
): Promise<{ status: number }> {
  // A level that is no repository permission is a caller bug; push is what a repo grant gives by default.
  const permission = (REPO_PERMISSIONS as readonly string[]).includes(level)
    ? (level as RepoPermission)
    : 'push';
  const context = repoErrorContext(
    where,
    login,
    `giving ${login} ${permission} on ${where.owner}/${where.repo}`,
  );
  const params = { owner: where.owner, repo: where.repo, username: login, permission };
  return callGitHub(context, () => octokit.rest.repos.addCollaborator(params));
}

/** Removes a direct collaborator, or deletes the open invitation when `from` is `invited`. */
export async function deleteRepoAccess(
  octokit: RepoOctokit,
  where: RepoLocation,
  login: string,
  from: AccessLevel,
): Promise<void> {
  const name = `${where.owner}/${where.repo}`;
  if (from !== 'invited') {
    const context = repoErrorContext(where, login, `removing ${login} from ${name}`);
    await callGitHub(context, () =>
      octokit.rest.repos.removeCollaborator({ ...ownerRepo(where), username: login }),
    );
    return;
  }
  const id = await findInvitation(octokit, where, login);
  if (id === undefined) return;
  const context = repoErrorContext(where, login, `deleting ${login}'s invitation to ${name}`);
  await callGitHub(context, () =>
    octokit.rest.repos.deleteInvitation({ ...ownerRepo(where), invitation_id: id }),
  );
}

function ownerRepo(where: RepoLocation): { owner: string; repo: string } {
  return { owner: where.owner, repo: where.repo };
}
