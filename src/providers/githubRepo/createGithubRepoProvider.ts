import { rankOf, type AccessLevel } from '../../core/access/index.js';
import { REPO_PERMISSIONS, type RepoPermission } from '../../core/types.js';
import { callGitHub } from '../callGitHub.js';
import { failedResult } from '../failedResult.js';
import type { AccessTarget, ApplyResult, Provider, RevokeResult } from '../provider.js';
import { readBackError } from '../readBackError.js';
import { findInvitation } from './findInvitation.js';
import { listRepoMembers } from './listRepoMembers.js';
import { readRepoLevel } from './readRepoLevel.js';
import { repoErrorContext } from './repoErrorContext.js';
import { repoLocation, type RepoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';

/** What the github-repo provider needs: an Octokit slice. */
export interface GithubRepoProviderOptions {
  octokit: RepoOctokit;
}

const INHERITED =
  'the access may come from a team or the organization base permission, which grantops does not change, or GitHub has not caught up yet (the next sweep checks again)';

/**
 * Collaborator permission on a repository. Adding someone who is not yet a collaborator of a
 * repository outside their organization sends an invitation (201): reported as pending. Revoking
 * a pending invitation deletes it. See https://docs.github.com/rest/collaborators/collaborators.
 */
export function createGithubRepoProvider(options: GithubRepoProviderOptions): Provider {
  const { octokit } = options;
  const place = (where: RepoLocation) => `${where.owner}/${where.repo}`;

  const setPermission = (where: RepoLocation, login: string, level: AccessLevel) => {
    const permission: RepoPermission = (REPO_PERMISSIONS as readonly string[]).includes(level)
      ? (level as RepoPermission)
      : 'push';
    const context = repoErrorContext(where, login, `giving ${login} ${permission} on ${place(where)}`);
    const params = { owner: where.owner, repo: where.repo, username: login, permission };
    return callGitHub(context, () => octokit.rest.repos.addCollaborator(params));
  };

  const remove = async (where: RepoLocation, login: string, from: AccessLevel): Promise<void> => {
    if (from === 'invited') {
      const id = await findInvitation(octokit, where, login);
      if (id === undefined) return;
      const context = repoErrorContext(where, login, `deleting ${login}'s invitation to ${place(where)}`);
      const params = { owner: where.owner, repo: where.repo, invitation_id: id };
      await callGitHub(context, () => octokit.rest.repos.deleteInvitation(params));
      return;
    }
    const context = repoErrorContext(where, login, `removing ${login} from ${place(where)}`);
    const params = { owner: where.owner, repo: where.repo, username: login };
    await callGitHub(context, () => octokit.rest.repos.removeCollaborator(params));
  };

  return {
    name: 'github-repo',
    read: (target) => readRepoLevel(octokit, repoLocation(target), target.grantee),
    async apply(target, change): Promise<ApplyResult> {
      if (change.action === 'none') return { status: 'unchanged', level: change.level };
      try {
        const where = repoLocation(target);
        const { status } = await setPermission(where, target.grantee, change.to);
        if (status === 201) return { status: 'pending', level: 'invited' };
        const level = await readRepoLevel(octokit, where, target.grantee);
        if (rankOf(level) >= rankOf(change.to)) return { status: 'applied', level };
        const login = target.grantee;
        throw readBackError({ code: 'not-applied', login, place: place(where), level, wanted: change.to });
      } catch (error) {
        return failedResult(error);
      }
    },
    async revoke(target: AccessTarget, change): Promise<RevokeResult> {
      if (change.action === 'none') return { status: 'unchanged', level: change.level };
      try {
        const where = repoLocation(target);
        if (change.action === 'remove') await remove(where, target.grantee, change.from);
        else await setPermission(where, target.grantee, change.to);
        const wanted = change.action === 'remove' ? 'none' : change.to;
        const level = await readRepoLevel(octokit, where, target.grantee);
        if (rankOf(level) <= rankOf(wanted)) return { status: 'revoked', level };
        const login = target.grantee;
        throw readBackError({
          code: 'not-revoked',
          login,
          place: place(where),
          level,
          wanted,
          hint: INHERITED,
        });
      } catch (error) {
        return failedResult(error);
      }
    },
    listMembers: (target) => listRepoMembers(octokit, repoLocation(target)),
  };
}
