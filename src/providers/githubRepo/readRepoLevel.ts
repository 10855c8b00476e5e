import type { RepoLevel } from '../../core/access/index.js';
import { callGitHub } from '../callGitHub.js';
import { findInvitation } from './findInvitation.js';
import { repoErrorContext } from './repoErrorContext.js';
import { repoLevelOf } from './repoLevelOf.js';
import type { RepoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';

/**
 * A login's effective permission on a repository (direct, through a team or the organization's base
 * permission), or `invited` when it has none and an invitation is open.
 */
export async function readRepoLevel(
  octokit: RepoOctokit,
  where: RepoLocation,
  login: string,
): Promise<RepoLevel> {
  const context = repoErrorContext(
    where,
    login,
    `reading ${login}'s permission on ${where.owner}/${where.repo}`,
  );
  const { data } = await callGitHub(context, () =>
    octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: where.owner,
      repo: where.repo,
      username: login,
    }),
  );
  const level = repoLevelOf(data);
  if (level !== 'none') return level;
  return (await findInvitation(octokit, where, login)) === undefined ? 'none' : 'invited';
}
