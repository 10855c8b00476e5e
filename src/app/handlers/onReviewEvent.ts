import type { Context } from 'probot';
import { toPullRequest } from '../../github/octokit/pulls.js';
import { evaluatePullRequest } from '../evaluatePullRequest.js';
import type { AppDeps } from '../createApp.js';
import { evaluationContextFor } from './evaluationContextFor.js';
import { lifecycleContextFor } from '../lifecycle/lifecycleContextFor.js';
import { reviewEmergency } from '../lifecycle/reviewEmergency.js';

/**
 * `pull_request_review` (submitted, dismissed, edited): approvals changed, judge the PR again; on a
 * merged PR, an owner's approval clears an emergency grant's flag.
 */
export async function onReviewEvent(context: Context<'pull_request_review'>, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const pr = toPullRequest(payload.pull_request as Parameters<typeof toPullRequest>[0]);
  if (pr.state === 'closed') {
    // After the merge, a review can only clear the flag of an emergency grant.
    if (payload.action === 'submitted' && payload.review.user) {
      await reviewEmergency(lifecycleContextFor(context, deps), pr, {
        reviewer: payload.review.user.login,
        state: payload.review.state,
      });
    }
    return;
  }
  await evaluatePullRequest(evaluationContextFor(context, deps, pr, undefined));
}
