import { GitHubError, toGitHubError } from '../githubError.js';
import type { ProtectionClient } from './callProtectionCallback.js';
import type { RunReview, RunRef } from './protectionPort.js';

const STATES = new Set(['approved', 'rejected', 'pending']);

/**
 * The review history of a run: approvals, rejections and `pending` entries with a comment (status
 * reports). GitHub's guide to custom rules points Apps here to read the state of their rule
 * (https://docs.github.com/rest/actions/workflow-runs#get-the-review-history-for-a-workflow-run).
 */
export async function listRunReviews(octokit: ProtectionClient, run: RunRef): Promise<RunReview[]> {
  const what = `reading the review history of run ${run.runId} of ${run.repo.owner}/${run.repo.repo}`;
  let data: unknown;
  try {
    ({ data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
      ...run.repo,
      run_id: run.runId,
    }));
  } catch (error) {
    throw toGitHubError(error, `${what} (the App needs the actions: read permission)`);
  }
  if (!Array.isArray(data))
    throw new GitHubError(`grantops: ${what} did not return a list`, 'invalid', undefined, false);
  return data.flatMap((item) => {
    const r = item as { state?: unknown; comment?: unknown; environments?: unknown } | null;
    if (typeof r?.state !== 'string' || !STATES.has(r.state)) return [];
    const environments = Array.isArray(r.environments)
      ? r.environments.flatMap((e) => {
          const name = (e as { name?: unknown } | null)?.name;
          return typeof name === 'string' ? [name] : [];
        })
      : [];
    return [
      {
        state: r.state as RunReview['state'],
        comment: typeof r.comment === 'string' ? r.comment : '',
        environments,
      },
    ];
  });
}
