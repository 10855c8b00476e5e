import type { Context } from 'probot';
import type { AppDeps } from '../createApp.js';
import type { LifecycleContext } from './lifecycleContext.js';

/** The lifecycle context of a webhook event on the grants repository. */
export function lifecycleContextFor(
  context: Context<'pull_request' | 'push' | 'pull_request_review'>,
  deps: AppDeps,
): LifecycleContext {
  const { repository } = context.payload;
  const owner = repository.owner?.login ?? '';
  return {
    port: deps.portFor(context),
    providerClient: deps.providerClientFor(context),
    repo: { owner, repo: repository.name },
    defaultBranch: repository.default_branch,
    org: owner,
    env: deps.env,
    now: deps.now,
    log: context.log,
    lock: deps.lock,
    validator: deps.validator,
    seal: deps.seal,
    ...(deps.wakeAt ? { wakeAt: deps.wakeAt } : {}),
  };
}
