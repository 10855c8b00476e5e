import { toGitHubError } from '../githubError.js';
import { callProtectionCallback, type ProtectionClient } from './callProtectionCallback.js';
import type { ReportOutcome, RunRef } from './protectionPort.js';

/**
 * Posts a status report on this App's pending rule: the callback with a comment and no `state`,
 * which leaves the deployment waiting. GitHub keeps at most 10 reports per deployment, each up to
 * 1024 characters of Markdown
 * (https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/creating-custom-deployment-protection-rules#approving-or-rejecting-deployments).
 * Not retried: a report whose answer was lost would be posted twice. A rule that no longer waits
 * answers 422, returned as `not-pending`.
 */
export async function postStatusReport(
  octokit: ProtectionClient,
  params: { run: RunRef; environment: string; comment: string },
): Promise<ReportOutcome> {
  const { run, environment, comment } = params;
  try {
    const outcome = await callProtectionCallback(octokit, run, { environment_name: environment, comment });
    return outcome === 'ok' ? 'reported' : 'not-pending';
  } catch (error) {
    throw toGitHubError(
      error,
      `posting a status report on run ${run.runId} of ${run.repo.owner}/${run.repo.repo} for ${environment}`,
    );
  }
}
