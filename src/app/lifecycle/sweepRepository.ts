import {
  holdsAccess,
  LABELS,
  openRecord,
  planSweep,
  revertBranch,
  type GrantRecord,
  type SweepItem,
} from '../../core/lifecycle/index.js';
import { parseDuration } from '../../core/time/index.js';
import { applyGrant } from './applyGrant.js';
import { correctDrift, type DriftReport } from './correctDrift.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { grantAsOn, readGrantsState, siblingRecords, type GrantsState } from './readGrantsState.js';
import { findRecordedPull, sealScope } from './recordedPull.js';
import { reportUnapproved } from './reportUnapproved.js';
import type { RetryPolicy } from './retryFailures.js';
import { revokeGrant } from './revokeGrant.js';
import { verifyMergedApproval } from './verifyMergedApproval.js';
import { warnGrantee } from './warnGrantee.js';

export const DEFAULT_WARN_BEFORE = '30m';

/** What one sweep of one repository did, for logs, tests and the benchmark. */
export interface SweepResult {
  revoked: number;
  applied: number;
  warned: number;
  refused: number;
  orphans: string[];
  failed: number;
  /** Strict resources whose members were checked, and what was removed. */
  drift: DriftReport[];
  nextDueAt: number | undefined;
}

async function labelledBranches(ctx: LifecycleContext, label: string): Promise<Set<string>> {
  const pulls = await ctx.port.listOpenByLabel(ctx.repo, label);
  return new Set(
    pulls
      .map((p) => {
        const opened = openRecord(p.body, sealScope(ctx, p.number));
        return opened.status === 'sealed' ? opened.record.file : undefined;
      })
      .filter((f): f is string => f !== undefined)
      .map(revertBranch),
  );
}

/**
 * One expiry sweep of one grants repository: revoke what expired (or lost its file), apply what
 * started or failed before, apply merges whose event was missed (after checking their approval),
 * warn grantees close to expiry. Reads a constant number of times plus once per due item, so a
 * sweep of 10,000 quiet grants costs what a sweep of 10 does. Running it twice changes nothing twice.
 */
export async function sweepRepository(ctx: LifecycleContext, retry: RetryPolicy): Promise<SweepResult> {
  const [state, branches, scheduled, failed] = await Promise.all([
    readGrantsState(ctx, ctx.defaultBranch),
    ctx.port.listRevertBranches(ctx.repo),
    labelledBranches(ctx, LABELS.scheduled),
    labelledBranches(ctx, LABELS.failed),
  ]);
  const result: SweepResult = {
    revoked: 0,
    applied: 0,
    warned: 0,
    refused: 0,
    orphans: [],
    failed: 0,
    drift: [],
    nextDueAt: undefined,
  };
  if (!state.policyValid) {
    ctx.log.error(
      { repo: `${ctx.repo.owner}/${ctx.repo.repo}` },
      'access.yml on the default branch is invalid: nothing is applied until it is fixed; expired grants are still revoked',
    );
  }
  const warnBeforeMs =
    parseDuration(state.policy?.settings?.warn_before ?? DEFAULT_WARN_BEFORE) ?? 30 * 60_000;
  const plan = planSweep({
    grants: state.parsed,
    policyValid: state.policyValid,
    branches: new Set(branches),
    scheduled,
    failed,
    now: ctx.now(),
    warnBeforeMs,
  });
  result.nextDueAt = plan.nextDueAt;
  // Each item stands alone: one that fails is logged and counted, and the next one still runs.
  const each = async (what: string, item: SweepItem, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      result.failed++;
      ctx.log.error(
        { err: error, branch: item.branch, file: item.file },
        `${what} ${item.file ?? item.branch} failed: ${(error as Error).message}; the next sweep retries`,
      );
    }
  };
  for (const item of plan.revoke) {
    await each('revoking', item, async () => {
      const siblings = (r: GrantRecord) => siblingRecords(ctx, state, r.file, r);
      const onMain = grantAsOn(state, item.file);
      const record = await revokeGrant(
        ctx,
        {
          branch: item.branch,
          pull: undefined,
          fileOnMain: item.file !== undefined,
          activeGrants: state.active,
          siblings,
          ...(onMain ? { fallback: async () => onMain } : {}),
        },
        retry,
      );
      if (record?.state === 'revoked') result.revoked++;
      else result.failed++;
    });
  }
  // An expired grant with no reverting branch: either never applied (report it), or its branch was
  // deleted by hand, which closes the PR but leaves its record: access it holds is taken back.
  const orphans: string[] = [];
  for (const file of plan.orphans) {
    const branch = revertBranch(file);
    await each('revoking', { branch, file }, async () => {
      const closed = await findRecordedPull(ctx, branch, 'all');
      if (!closed.record || !holdsAccess(closed.record)) {
        orphans.push(file); // never applied, or revoked after its branch was deleted: the file stays
        return;
      }
      ctx.log.warn(
        { file, pull: closed.pull?.number },
        `the reverting branch of ${file} was deleted before its grant expired: revoking from its record`,
      );
      const siblings = (r: GrantRecord) => siblingRecords(ctx, state, r.file, r);
      const record = await revokeGrant(
        ctx,
        { branch, pull: closed.pull, fileOnMain: true, activeGrants: state.active, siblings },
        retry,
      );
      if (record?.state === 'revoked') result.revoked++;
      else result.failed++;
    });
  }
  result.orphans = orphans;
  for (const item of [...plan.apply, ...plan.applyMissed]) {
    await each('applying', item, async () => {
      const outcome = await applyItem(ctx, state, item, plan.applyMissed.includes(item), retry);
      if (outcome === 'refused') result.refused++;
      else if (outcome === 'apply-failed') result.failed++;
      else if (outcome === 'applied' || outcome === 'pending') result.applied++;
    });
  }
  for (const item of plan.warn) {
    await each('warning about', item, async () => {
      if (await warnGrantee(ctx, item.branch)) result.warned++;
    });
  }
  if (state.policy) {
    try {
      result.drift = await correctDrift(ctx, state.policy, state.valid);
    } catch (error) {
      result.failed++;
      ctx.log.error(
        { err: error },
        `checking strict resources for drift failed: ${(error as Error).message}; the next sweep retries`,
      );
    }
  }
  if (result.orphans.length > 0)
    ctx.log.warn(
      { files: result.orphans },
      `${result.orphans.length} expired grant file(s) are still on the default branch with no reverting PR to remove them (never applied by grantops, or revoked after their branch was deleted): remove them`,
    );
  return result;
}

async function applyItem(
  ctx: LifecycleContext,
  state: GrantsState,
  item: SweepItem,
  missed: boolean,
  retry: RetryPolicy,
): Promise<GrantRecord['state'] | 'refused'> {
  const found = state.valid.find((g) => g.file === item.file)!;
  let request: { pr: number; author: string; approvers: string[] } | undefined;
  if (missed) {
    const provenance = await verifyMergedApproval(ctx, {
      file: found.file,
      blob: found.blob,
      grantee: found.grant.grantee,
      codeowners: state.repo.codeowners,
    });
    if (!provenance.approved) {
      await reportUnapproved(ctx, { file: found.file, commit: provenance.commit, why: provenance.why });
      return 'refused';
    }
    request = { pr: provenance.pr.number, author: provenance.pr.author, approvers: provenance.approvers };
  } else {
    const { record } = await findRecordedPull(ctx, item.branch);
    request = record?.requestPr
      ? { pr: record.requestPr, author: record.requestedBy ?? '', approvers: record.approvers }
      : undefined;
  }
  const resource = state.policy!.resources[found.grant.resource]!;
  const siblings = await siblingRecords(ctx, state, found.file, found.grant);
  const { record } = await applyGrant(
    ctx,
    { ...found, resource, request, activeGrants: state.active, siblings },
    retry,
  );
  return record.state;
}
