import { toGitHubError } from '../githubError.js';
import { callProtectionCallback, type ProtectionClient } from './callProtectionCallback.js';
import type { AnswerOutcome, RunRef } from './protectionPort.js';

/**
 * Approves or rejects this App's protection rule for one environment of a run. Safe to repeat:
 * once the rule is answered GitHub refuses another answer with 422, which means `already-answered`
 * (a redelivered webhook, a sweep after the webhook, or an answer whose response was lost). So a
 * failure GitHub may not have processed (5xx, timeout, rate limit) is retried once; if that fails
 * too, the run keeps waiting and the next sweep answers it.
 */
export async function answerProtectionRule(
  octokit: ProtectionClient,
  params: { run: RunRef; environment: string; state: 'approved' | 'rejected'; comment: string },
): Promise<AnswerOutcome> {
  const { run, environment, state, comment } = params;
  const body = { environment_name: environment, state, comment };
  const what = `${state === 'approved' ? 'approving' : 'rejecting'} the deployment of run ${run.runId} of ${run.repo.owner}/${run.repo.repo} to ${environment}`;
  const send = async () =>
    (await callProtectionCallback(octokit, run, body)) === 'ok' ? 'answered' : 'already-answered';
  try {
    try {
      return await send();
    } catch (error) {
      if (!toGitHubError(error, what).retryable) throw error;
      return await send();
    }
  } catch (error) {
    throw toGitHubError(error, what);
  }
}
