import type { Context } from 'probot';
import { toPullRequest } from '../../github/octokit/pulls.js';
import { evaluatePullRequest } from '../evaluatePullRequest.js';
import type { AppDeps } from '../createApp.js';
import { evaluationContextFor } from './evaluationContextFor.js';

/** Actions after which the PR's head commit was pushed by the event's sender. */
const PUSH_ACTIONS = new Set(['opened', 'synchronize']);

/** `pull_request` (opened, synchronize, reopened, ready_for_review, edited): judge the PR. */
export async function onPullRequestEvent(context: Context<'pull_request'>, deps: AppDeps): Promise<void> {
  const { payload } = context;
  // An edit of the title or body changes nothing grantops judges (and grantops edits its own
  // reverting PRs' bodies); a new base branch does.
  if (payload.action === 'edited' && !('base' in ((payload as { changes?: object }).changes ?? {}))) return;
  const pushedBy = PUSH_ACTIONS.has(payload.action) ? payload.sender?.login : undefined;
  await evaluatePullRequest(
    evaluationContextFor(context, deps, toPullRequest(payload.pull_request), pushedBy),
  );
}
