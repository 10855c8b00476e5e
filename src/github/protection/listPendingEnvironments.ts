import { GitHubError, toGitHubError } from '../githubError.js';
import type { ProtectionClient } from './callProtectionCallback.js';
import type { RunRef } from './protectionPort.js';

/**
 * The environments a run waits on, from GitHub's pending deployments of the run
 * (https://docs.github.com/rest/actions/workflow-runs#get-pending-deployments-for-a-workflow-run).
 * GitHub lists an environment while any of its protection rules still waits, whichever rule it is.
 */
export async function listPendingEnvironments(octokit: ProtectionClient, run: RunRef): Promise<string[]> {
  const what = `listing the pending deployments of run ${run.runId} of ${run.repo.owner}/${run.repo.repo}`;
  let data: unknown;
  try {
    ({ data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', {
      ...run.repo,
      run_id: run.runId,
    }));
  } catch (error) {
    throw toGitHubError(error, `${what} (the App needs the actions: read permission)`);
  }
  if (!Array.isArray(data))
    throw new GitHubError(`grantops: ${what} did not return a list`, 'invalid', undefined, false);
  return data.flatMap((item) => {
    const name = (item as { environment?: { name?: unknown } } | null)?.environment?.name;
    return typeof name === 'string' ? [name] : [];
  });
}
