import type { PullRequest } from '../../github/port.js';
import { CHECK_NAME } from '../checkRunIdentity.js';
import type { Codeowners } from '../../core/codeowners/index.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { ownerApprovers, readApprovals } from './ownerApprovers.js';

/** How a grant file on the default branch got there. */
export type Provenance =
  | { approved: true; pr: PullRequest; approvers: string[] }
  | { approved: false; commit: string | undefined; why: string };

/**
 * Finds the pull request that brought a grant file's current content to the default branch and
 * checks it the way a merge event would: merged into the default branch, grantops' check passed on
 * its head, and the file's blob there is the blob on the default branch. Anything else (a direct
 * push, an unapproved merge) is refused with the commit to report on.
 */
export async function verifyMergedApproval(
  ctx: LifecycleContext,
  params: { file: string; blob: string; grantee: string; codeowners: Codeowners | undefined },
): Promise<Provenance> {
  const { file, blob, grantee, codeowners } = params;
  const commit = await ctx.port.lastCommitForPath(ctx.repo, file, ctx.defaultBranch);
  if (!commit) return { approved: false, commit, why: 'no commit on the default branch changed this file' };
  const pulls = await ctx.port.pullsForCommit(ctx.repo, commit);
  const pr = pulls.find((p) => p.merged && p.baseRef === ctx.defaultBranch);
  if (!pr)
    return {
      approved: false,
      commit,
      why: `commit ${commit.slice(0, 7)} was pushed to ${ctx.defaultBranch} without a pull request`,
    };
  const check = await ctx.port.findCheckRun(ctx.repo, pr.headSha, CHECK_NAME);
  if (check?.conclusion !== 'success')
    return { approved: false, commit, why: `#${pr.number} was merged without grantops' approval` };
  const files = await ctx.port.listPullRequestFiles(ctx.repo, pr.number);
  if (files.find((f) => f.path === file)?.blobSha !== blob)
    return { approved: false, commit, why: `the file differs from what #${pr.number} approved` };
  const approvals = await readApprovals(ctx.port, ctx.repo, pr, [file], codeowners);
  return { approved: true, pr, approvers: ownerApprovers({ ...approvals, pr, file, grantee, codeowners }) };
}
