import type { Context } from 'probot';
import { isUnderGrants } from '../../core/grantPath.js';
import type { AppDeps } from '../createApp.js';
import { lifecycleContextFor } from '../lifecycle/lifecycleContextFor.js';
import { reportUnapproved } from '../lifecycle/reportUnapproved.js';

/**
 * `push` to the default branch: a commit that adds or changes grant files and belongs to no merged
 * pull request was pushed directly. It is reported on the commit and never applied. (Merges are
 * applied by the pull_request.closed handler; missed ones by the sweep.)
 */
export async function onPush(context: Context<'push'>, deps: AppDeps): Promise<void> {
  const { payload } = context;
  if (payload.ref !== `refs/heads/${payload.repository.default_branch}` || payload.deleted) return;
  const ctx = lifecycleContextFor(context, deps);
  for (const commit of payload.commits) {
    const grants = [...(commit.added ?? []), ...(commit.modified ?? [])].filter(
      (path) => isUnderGrants(path) && /\.ya?ml$/.test(path),
    );
    if (grants.length === 0) continue;
    const pulls = await ctx.port.pullsForCommit(ctx.repo, commit.id);
    if (pulls.some((p) => p.merged && p.baseRef === ctx.defaultBranch)) continue;
    for (const file of grants) {
      await reportUnapproved(ctx, {
        file,
        commit: commit.id,
        why: `commit ${commit.id.slice(0, 7)} was pushed to ${ctx.defaultBranch} without a pull request`,
      });
    }
  }
}
