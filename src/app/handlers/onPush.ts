import type { Context } from 'probot';
import { isUnderGrants } from '../../core/grantPath.js';
import type { AppDeps } from '../createApp.js';
import { lifecycleContextFor } from '../lifecycle/lifecycleContextFor.js';
import { reportUnapproved } from '../lifecycle/reportUnapproved.js';
import { holdsAccess, revertBranch, type GrantRecord } from '../../core/lifecycle/index.js';
import { readGrantsState, siblingRecords } from '../lifecycle/readGrantsState.js';
import { findRecordedPull } from '../lifecycle/recordedPull.js';
import { revokeGrant } from '../lifecycle/revokeGrant.js';

/**
 * `push` to the default branch: a commit that adds or changes grant files and belongs to no merged
 * pull request was pushed directly. It is reported on the commit and never applied; a grant that
 * was applied and is now changed this way (a later `expires`, another role) loses its access now,
 * since what holds it is no longer what was approved. (Merges are applied by the
 * pull_request.closed handler; missed ones by the sweep.)
 */
export async function onPush(context: Context<'push'>, deps: AppDeps): Promise<void> {
  const { payload } = context;
  if (payload.ref !== `refs/heads/${payload.repository.default_branch}` || payload.deleted) return;
  const ctx = lifecycleContextFor(context, deps);
  const changedApplied = new Set<string>();
  for (const commit of payload.commits) {
    const grants = [...(commit.added ?? []), ...(commit.modified ?? [])].filter(
      (path) => isUnderGrants(path) && /\.ya?ml$/.test(path),
    );
    if (grants.length === 0) continue;
    const pulls = await ctx.port.pullsForCommit(ctx.repo, commit.id);
    if (pulls.some((p) => p.merged && p.baseRef === ctx.defaultBranch)) continue;
    if (await mergedByNamedPull(ctx, commit)) continue;
    for (const file of grants) {
      await reportUnapproved(ctx, {
        file,
        commit: commit.id,
        why: `commit ${commit.id.slice(0, 7)} was pushed to ${ctx.defaultBranch} without a pull request`,
      });
      changedApplied.add(file);
    }
  }
  if (changedApplied.size === 0) return;
  const state = await readGrantsState(ctx, payload.after);
  for (const file of changedApplied) {
    const branch = revertBranch(file);
    const { pull, record } = await findRecordedPull(ctx, branch);
    if (!record || (!holdsAccess(record) && record.state !== 'scheduled')) continue;
    ctx.log.warn(
      { file, grantee: record.grantee, resource: record.resource },
      `${file} was changed on ${ctx.defaultBranch} without a pull request: revoking its access now`,
    );
    await revokeGrant(
      ctx,
      {
        branch,
        pull, // its record was just read and is checked again without another call
        fileOnMain: state.parsed.some((g) => g.file === file),
        activeGrants: state.active,
        siblings: (r: GrantRecord) => siblingRecords(ctx, state, r.file, r),
      },
      deps.retry,
    );
  }
}

/**
 * GitHub links a commit to its pull request asynchronously, so right after a merge the list can be
 * empty. A squash or merge commit names its PR (`… (#12)`, `Merge pull request #12 from …`): it is
 * that PR's merge only if the PR says so (its merge commit is this commit), which a message alone
 * cannot fake.
 */
async function mergedByNamedPull(
  ctx: ReturnType<typeof lifecycleContextFor>,
  commit: { id: string; message: string },
): Promise<boolean> {
  const named =
    /\(#(\d{1,9})\)\s*$/m.exec(commit.message.split('\n')[0] ?? '') ??
    /^Merge pull request #(\d{1,9}) /.exec(commit.message);
  if (!named) return false;
  try {
    const pr = await ctx.port.getPullRequest(ctx.repo, Number(named[1]));
    return pr.merged && pr.mergeCommitSha === commit.id && pr.baseRef === ctx.defaultBranch;
  } catch {
    return false; // not a PR (an issue number, a deleted PR): nothing vouches for the commit
  }
}
