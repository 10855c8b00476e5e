import type { Octokit } from '@octokit/rest';
import { statusOf } from '../githubError.js';
import { NO_RETRY } from '../octokit/state.js';
import type { RunRef } from './protectionPort.js';

/** The slice of Octokit the protection-rule adapter uses. */
export type ProtectionClient = Pick<Octokit, 'request'>;

/** The body of a review: a decision with its comment, or a comment alone (a status report). */
export type CallbackBody =
  | { environment_name: string; state: 'approved' | 'rejected'; comment: string }
  | { environment_name: string; comment: string };

/**
 * Posts to the run's protection-rule callback, the route GitHub names in `deployment_callback_url`
 * (https://docs.github.com/rest/actions/workflow-runs#review-custom-deployment-protection-rules-for-a-workflow-run).
 * It answers 204; a rule that no longer waits for this App (already approved or rejected, or the
 * run ended) answers 422, returned here as `not-pending`. Octokit's automatic retry is off: the
 * caller decides whether a repeat is safe.
 */
export async function callProtectionCallback(
  octokit: ProtectionClient,
  run: RunRef,
  body: CallbackBody,
): Promise<'ok' | 'not-pending'> {
  try {
    await octokit.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule', {
      owner: run.repo.owner,
      repo: run.repo.repo,
      run_id: run.runId,
      ...body,
      ...NO_RETRY,
    } as never);
    return 'ok';
  } catch (error) {
    if (statusOf(error) === 422) return 'not-pending';
    throw error;
  }
}
