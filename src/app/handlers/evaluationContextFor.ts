import type { Context } from 'probot';
import type { PullRequest } from '../../github/port.js';
import type { AppDeps } from '../createApp.js';
import type { EvaluationContext } from '../evaluatePullRequest.js';

/** The evaluation context of an event on the grants repository, for one pull request. */
export function evaluationContextFor(
  context: Context<'pull_request' | 'pull_request_review' | 'check_run'>,
  deps: AppDeps,
  pr: PullRequest,
  pushedBy: string | undefined,
): EvaluationContext {
  const { repository } = context.payload;
  return {
    port: deps.portFor(context),
    repo: { owner: repository.owner?.login ?? '', repo: repository.name },
    defaultBranch: repository.default_branch,
    pr,
    pushedBy,
    now: deps.now(),
    log: context.log,
    validator: deps.validator,
  };
}
