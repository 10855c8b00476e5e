import { sameLogin } from '../../core/checkEligibility.js';
import { ownersOf } from '../../core/codeowners/index.js';
import { LABELS } from '../../core/lifecycle/index.js';
import { classifyChanges } from '../../core/request/index.js';
import { isOwner } from '../../core/request/principalMatcher.js';
import type { PullRequest } from '../../github/port.js';
import { resolveMembership } from '../resolveMembership.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { readGrantsState } from './readGrantsState.js';

export const EMERGENCY_REVIEWED_MARKER = '<!-- grantops:emergency-reviewed -->';

/**
 * A break-glass grant stays flagged (label `grantops:emergency-unreviewed` on its merged PR) until a
 * code owner of its files approves the PR after the fact. This clears the flag when such a review
 * arrives: an approval by an owner (from CODEOWNERS on the default branch) who is neither the
 * author nor a grantee of the PR.
 */
export async function reviewEmergency(
  ctx: LifecycleContext,
  pr: PullRequest,
  review: { reviewer: string; state: string },
): Promise<boolean> {
  if (!pr.merged || !pr.labels.includes(LABELS.emergency) || review.state.toUpperCase() !== 'APPROVED')
    return false;
  if (sameLogin(review.reviewer, pr.author)) return false;
  const changes = classifyChanges(await ctx.port.listPullRequestFiles(ctx.repo, pr.number));
  const state = await readGrantsState(ctx, ctx.defaultBranch);
  const merged = pr.mergeCommitSha ? await readGrantsState(ctx, pr.mergeCommitSha) : state;
  const grantees = merged.repo.grants
    .filter((g) => changes.requested.includes(g.file))
    .map((g) => g.data.grantee);
  if (grantees.some((g) => sameLogin(g, review.reviewer))) return false;
  const owners = changes.requested.flatMap((file) =>
    state.repo.codeowners ? ownersOf(state.repo.codeowners, file).owners : [],
  );
  const { membership } = await resolveMembership(ctx.port, [
    ...new Set(owners.filter((o) => o.includes('/')).map((o) => o.toLowerCase())),
  ]);
  if (!isOwner(review.reviewer, owners, (team, login) => membership(team, login) === true)) return false;
  await ctx.port.removeLabel(ctx.repo, pr.number, LABELS.emergency);
  await ctx.port.upsertComment(
    ctx.repo,
    pr.number,
    EMERGENCY_REVIEWED_MARKER,
    `Emergency access reviewed after the fact by @${review.reviewer}, a code owner.`,
  );
  ctx.log.info(
    { pr: pr.number, reviewer: review.reviewer },
    `emergency grant of #${pr.number} reviewed by ${review.reviewer}`,
  );
  return true;
}
