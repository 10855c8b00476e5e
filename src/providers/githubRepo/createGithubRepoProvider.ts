import type { Provider } from '../provider.js';
import { applyRepoChange } from './applyRepoChange.js';
import { listRepoMembers } from './listRepoMembers.js';
import { readRepoLevel } from './readRepoLevel.js';
import { repoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';
import { revokeRepoChange } from './revokeRepoChange.js';

/** What the github-repo provider needs: an Octokit slice. */
export interface GithubRepoProviderOptions {
  octokit: RepoOctokit;
}

/**
 * Collaborator permission on a repository. Adding someone who is not yet a collaborator of a
 * repository outside their organization sends an invitation (201): reported as pending. Revoking
 * a pending invitation deletes it. See https://docs.github.com/rest/collaborators/collaborators.
 */
export function createGithubRepoProvider(options: GithubRepoProviderOptions): Provider {
  const { octokit } = options;
  return {
    name: 'github-repo',
    read: (target) => readRepoLevel(octokit, repoLocation(target), target.grantee),
    apply: (target, change) => applyRepoChange(octokit, target, change),
    revoke: (target, change) => revokeRepoChange(octokit, target, change),
    listMembers: (target) => listRepoMembers(octokit, repoLocation(target)),
  };
}
