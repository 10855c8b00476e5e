import { grantStatus, grantWindow } from '../grantWindow.js';
import type { Grant } from '../types.js';
import { revertBranch } from './revertBranch.js';

/** What a sweep knows about a grants repository before reading any record (all O(1) reads). */
export interface SweepFacts {
  /**
   * Grant files on the default branch that parsed (their times are known). `valid` is false for a
   * file with errors (against the policy, or an unowned file): it is never applied, and while the
   * policy itself is valid, access it holds is taken back.
   */
  grants: readonly { file: string; grant: Grant; valid: boolean }[];
  /** False while access.yml on the default branch is broken: then only expired grants are revoked. */
  policyValid: boolean;
  /** Reverting branches that exist (one per grant grantops has recorded). */
  branches: ReadonlySet<string>;
  /** Reverting branches whose PR is labelled scheduled (applied when their start comes). */
  scheduled: ReadonlySet<string>;
  /** Reverting branches whose PR is labelled failed (apply or revoke retried every sweep). */
  failed: ReadonlySet<string>;
  now: number;
  warnBeforeMs: number;
}

/** One thing a sweep must do; the record is read from the branch's PR only for these. */
export interface SweepItem {
  branch: string;
  /** The grant file on the default branch; undefined when it was removed (then revoke). */
  file: string | undefined;
}

export interface SweepPlan {
  /** Expired grants, and recorded grants whose file is gone: take the access back, merge or close the PR. */
  revoke: SweepItem[];
  /** Started grants never recorded (a missed merge event): verify the approval, then apply. */
  applyMissed: SweepItem[];
  /** Recorded grants whose start came, or whose last attempt failed: apply again. */
  apply: SweepItem[];
  /** Grants close to expiry whose grantee may need a warning. */
  warn: SweepItem[];
  /** Expired grants grantops never recorded (pushed without a PR, or from before grantops): report only. */
  orphans: string[];
  /** The next instant at which this plan would change: arm a timer for it. */
  nextDueAt: number | undefined;
}

/**
 * Decides what one sweep does from facts that cost a constant number of reads, whatever the number
 * of grants: a repository snapshot, the list of reverting branches and two labelled PR lists.
 * Revocation never waits for a valid policy: expired grants, and recorded grants whose file is gone,
 * are always taken back. Pure and idempotent: the same facts give the same plan.
 */
export function planSweep(facts: SweepFacts): SweepPlan {
  const plan: SweepPlan = {
    revoke: [],
    applyMissed: [],
    apply: [],
    warn: [],
    orphans: [],
    nextDueAt: undefined,
  };
  const due = (at: number) => {
    if (at > facts.now && (plan.nextDueAt === undefined || at < plan.nextDueAt)) plan.nextDueAt = at;
  };
  const seen = new Set<string>();
  for (const { file, grant, valid } of facts.grants) {
    const window = grantWindow(grant);
    const branch = revertBranch(file);
    seen.add(branch);
    if (!window) continue;
    const recorded = facts.branches.has(branch);
    const status = grantStatus(window, facts.now);
    const item = { branch, file };
    if (status === 'expired') {
      if (recorded) plan.revoke.push(item);
      else if (valid) plan.orphans.push(file);
      continue;
    }
    due(window.expiresAt);
    if (!valid || !facts.policyValid) {
      // A grant the policy no longer allows loses its access now; a broken policy changes nothing.
      if (!valid && recorded && facts.policyValid) plan.revoke.push(item);
      continue;
    }
    due(window.expiresAt - facts.warnBeforeMs);
    if (status === 'scheduled') {
      due(window.startsAt!);
      continue;
    }
    if (!recorded) plan.applyMissed.push(item);
    else if (facts.scheduled.has(branch) || facts.failed.has(branch)) plan.apply.push(item);
    if (recorded && window.expiresAt - facts.now <= facts.warnBeforeMs) plan.warn.push(item);
  }
  for (const branch of facts.branches) {
    if (!seen.has(branch)) plan.revoke.push({ branch, file: undefined });
  }
  return plan;
}
