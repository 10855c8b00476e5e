import {
  newestSealedRecord,
  revertBranch,
  type GrantRecord,
  type SealScope,
} from '../../core/lifecycle/index.js';
import type { RevertPull } from '../../github/port.js';
import type { LifecycleContext } from './lifecycleContext.js';

/** The seal scope of a lifecycle context's grants repository, for any of its reverting PRs. */
const repoScope = (ctx: Pick<LifecycleContext, 'seal' | 'repo'>): Omit<SealScope, 'pull'> => ({
  seal: ctx.seal,
  repo: `${ctx.repo.owner}/${ctx.repo.repo}`,
});

/** The seal scope of one reverting PR of a lifecycle context's grants repository. */
export const sealScope = (ctx: Pick<LifecycleContext, 'seal' | 'repo'>, pull: number): SealScope => ({
  ...repoScope(ctx),
  pull,
});

/** A grant's reverting PR and the record it carries, as far as the record can be believed. */
export interface RecordedPull {
  /** The PR whose sealed record was found, else the newest PR of the branch (open ones first asked). */
  pull: RevertPull | undefined;
  /** The newest record whose seal matches and that is about this branch's grant file. */
  record: GrantRecord | undefined;
  /** PRs of the branch that carry a record that does not verify (forged, edited by hand, or copied). */
  forged: number[];
}

/**
 * Finds a grant's record among the PRs from its reverting branch into the default branch, newest
 * first: only a record with a valid seal, about the grant file this branch belongs to, counts.
 * Anyone who can read the repository can open a PR from the App's branch, and people with write
 * access can edit the App's PR, so every other marker is ignored and reported.
 */
export async function findRecordedPull(
  ctx: LifecycleContext,
  branch: string,
  state: 'open' | 'all' = 'open',
): Promise<RecordedPull> {
  const pulls = await ctx.port.listPullsByBranch(ctx.repo, branch, { base: ctx.defaultBranch, state });
  const found = newestSealedRecord(pulls, repoScope(ctx), (r) => revertBranch(r.file) === branch);
  report(ctx, branch, found.forged);
  return found.record ? found : { ...found, pull: pulls[0] };
}

function report(ctx: LifecycleContext, branch: string, forged: number[]): void {
  if (forged.length > 0)
    ctx.log.warn(
      { branch, pulls: forged },
      `ignored the grant record of pull request(s) ${forged.map((n) => `#${n}`).join(', ')} on ${branch}: its seal does not match (edited by hand, copied or forged); grantops trusts only records it wrote`,
    );
}
