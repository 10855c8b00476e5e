import type { Context } from 'probot';
import { toPullRequest } from '../../github/octokit/pulls.js';
import { evaluatePullRequest } from '../evaluatePullRequest.js';
import type { AppDeps } from '../createApp.js';

/** `pull_request_review` (submitted, dismissed, edited): approvals changed, judge the PR again. */
export async function onReviewEvent(context: Context<'pull_request_review'>, deps: AppDeps): Promise<void> {
  const { payload } = context;
  await evaluatePullRequest({
    port: deps.portFor(context),
    repo: { owner: payload.repository.owner.login, repo: payload.repository.name },
    defaultBranch: payload.repository.default_branch,
    pr: toPullRequest(payload.pull_request as Parameters<typeof toPullRequest>[0]),
    pushedBy: undefined,
    now: deps.now(),
    log: context.log,
    validator: deps.validator,
  });
}
