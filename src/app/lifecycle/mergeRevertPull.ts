import type { GrantRecord } from '../../core/lifecycle/index.js';
import type { RevertPull } from '../../github/port.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { revertTitle } from './renderRevertPull.js';

export const MERGE_BLOCKED_MARKER = '<!-- grantops:revert-merge-blocked -->';

/**
 * Finishes a revoked grant's reverting PR: merges it while the grant file is still on the default
 * branch (rebuilding the branch once if the file changed since), otherwise closes it and deletes its
 * branch. A refused merge is reported on the PR; the access is already gone either way. Only the
 * commit grantops built is ever merged: a branch someone pushed to is built again first, so the
 * App's merge (often allowed past branch protection) never carries anyone else's changes.
 */
export async function mergeRevertPull(
  ctx: LifecycleContext,
  params: { pull: RevertPull; record: GrantRecord; branch: string; fileOnMain: boolean },
): Promise<void> {
  const { pull, record } = params;
  const full = await ctx.port.getPullRequest(ctx.repo, pull.number);
  if (full.state === 'closed') {
    await ctx.port.deleteBranch(ctx.repo, params.branch);
    return;
  }
  if (!params.fileOnMain) {
    await ctx.port.closePullRequest(ctx.repo, pull.number);
    await ctx.port.deleteBranch(ctx.repo, params.branch);
    return;
  }
  const title = `${revertTitle(record)} (#${pull.number})`;
  const rebuild = () =>
    ctx.port.rebuildRevertBranch(ctx.repo, {
      branch: params.branch,
      file: record.file,
      baseBranch: ctx.defaultBranch,
      message: revertTitle(record),
    });
  const ours = record.revertHead !== undefined && record.revertHead === full.headSha;
  if (!ours)
    ctx.log.warn(
      { pull: pull.number, head: full.headSha, built: record.revertHead },
      `reverting PR #${pull.number} does not point at the commit grantops built: building it again before merging`,
    );
  let sha = ours ? full.headSha : await rebuild();
  let outcome = await ctx.port.mergePullRequest(ctx.repo, pull.number, { sha, method: 'squash', title });
  if (!outcome.merged && outcome.reason !== 'forbidden' && ours) {
    sha = await rebuild();
    outcome = await ctx.port.mergePullRequest(ctx.repo, pull.number, { sha, method: 'squash', title });
  }
  if (outcome.merged) {
    await ctx.port.deleteBranch(ctx.repo, params.branch);
    ctx.log.info({ pull: pull.number, file: record.file }, `merged reverting PR #${pull.number}`);
    return;
  }
  ctx.log.warn(
    { pull: pull.number, reason: outcome.reason, message: outcome.message },
    `GitHub refused to merge reverting PR #${pull.number}; the access is already revoked`,
  );
  await ctx.port.upsertComment(
    ctx.repo,
    pull.number,
    MERGE_BLOCKED_MARKER,
    `The access is revoked, but GitHub refused to merge this pull request: ${outcome.message}\n\nAllow grantops to merge (add it as a bypass actor of the branch protection) or merge it by hand; every sweep tries again.`,
  );
}
