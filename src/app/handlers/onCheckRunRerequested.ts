import type { Context } from 'probot';
import { evaluatePullRequest } from '../evaluatePullRequest.js';
import { CHECK_NAME } from '../checkRunIdentity.js';
import type { AppDeps } from '../createApp.js';
import { evaluationContextFor } from './evaluationContextFor.js';

/** `check_run.rerequested` on grantops' own check: judge each of its pull requests again. */
export async function onCheckRunRerequested(
  context: Context<'check_run.rerequested'>,
  deps: AppDeps,
): Promise<void> {
  const { payload } = context;
  if (
    payload.check_run.name !== CHECK_NAME ||
    (deps.appId !== undefined && payload.check_run.app?.id !== deps.appId)
  )
    return;
  const port = deps.portFor(context);
  const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
  for (const { number } of payload.check_run.pull_requests) {
    const pr = await port.getPullRequest(repo, number);
    await evaluatePullRequest(evaluationContextFor(context, deps, pr, undefined));
  }
}
