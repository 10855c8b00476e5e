import type { Context } from 'probot';
import { toPullRequest } from '../../github/octokit/pulls.js';
import type { AppDeps } from '../createApp.js';
import { applyMergedPullRequest } from '../lifecycle/applyMergedPullRequest.js';
import { lifecycleContextFor } from '../lifecycle/lifecycleContextFor.js';

/** `pull_request.closed`: a merge into the default branch applies added grants and revokes removed ones. */
export async function onPullRequestClosed(
  context: Context<'pull_request.closed'>,
  deps: AppDeps,
): Promise<void> {
  const pr = toPullRequest(context.payload.pull_request);
  if (!pr.merged) return;
  await applyMergedPullRequest(lifecycleContextFor(context, deps), pr, deps.retry);
}
