import { parseRfc3339 } from '../../core/time/index.js';
import { GitHubError, toGitHubError } from '../githubError.js';
import type { RepoId } from '../port.js';
import type { ProtectionClient } from './callProtectionCallback.js';

/** One status of a deployment. */
export interface DeploymentStatusRecord {
  state: string;
  /** Epoch ms. */
  createdAt: number;
}

/**
 * The statuses of a deployment, newest first, in one call (GitHub keeps few per deployment:
 * `waiting` while protection rules wait, then `queued`, `in_progress`, the outcome, `inactive`)
 * (https://docs.github.com/rest/deployments/statuses#list-deployment-statuses).
 */
export async function listDeploymentStatuses(
  octokit: ProtectionClient,
  repo: RepoId,
  deploymentId: number,
): Promise<DeploymentStatusRecord[]> {
  const what = `reading the statuses of deployment ${deploymentId} of ${repo.owner}/${repo.repo}`;
  let data: unknown;
  try {
    ({ data } = await octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      ...repo,
      deployment_id: deploymentId,
      per_page: 100,
    }));
  } catch (error) {
    throw toGitHubError(error, `${what} (the App needs deployments: read)`);
  }
  if (!Array.isArray(data))
    throw new GitHubError(`grantops: ${what} did not return a list`, 'invalid', undefined, false);
  return data.flatMap((item) => {
    const s = item as { state?: unknown; created_at?: unknown } | null;
    const createdAt = typeof s?.created_at === 'string' ? parseRfc3339(s.created_at) : undefined;
    return typeof s?.state === 'string' && createdAt !== undefined ? [{ state: s.state, createdAt }] : [];
  });
}
