import { LABELS } from '../../core/lifecycle/index.js';
import { CHECK_NAME, decodeIdentity } from '../checkRunIdentity.js';
import { evaluatePullRequest } from '../evaluatePullRequest.js';
import type { LifecycleContext } from '../lifecycle/lifecycleContext.js';

/**
 * Finds open requests whose last grant has expired (their check run remembers when) and judges
 * them again: an unapproved one is closed with a comment. Two reads per open request, none per grant.
 */
export async function closeStaleRequests(ctx: LifecycleContext): Promise<number> {
  const open = await ctx.port.listOpenByLabel(ctx.repo, LABELS.request);
  let judged = 0;
  for (const { number } of open) {
    const pr = await ctx.port.getPullRequest(ctx.repo, number);
    const check = await ctx.port.findCheckRun(ctx.repo, pr.headSha, CHECK_NAME);
    const expires = decodeIdentity(check?.externalId).expires;
    if (
      pr.state !== 'open' ||
      check?.conclusion === 'success' ||
      expires === undefined ||
      expires * 1000 > ctx.now()
    )
      continue;
    await evaluatePullRequest({
      port: ctx.port,
      repo: ctx.repo,
      defaultBranch: ctx.defaultBranch,
      pr,
      pushedBy: undefined,
      now: ctx.now(),
      log: ctx.log,
      validator: ctx.validator,
    });
    judged++;
  }
  return judged;
}
