import type { Decision } from '../../core/guardrails/index.js';
import { parseRfc3339 } from '../../core/time/index.js';

/** What the protection rule does with a decision. */
export type Verdict =
  | { kind: 'approve' }
  | { kind: 'reject' }
  /** Keep the deployment waiting: only freezes (or, in the sweep, the deploy limit) block it, until `until` (epoch ms). */
  | { kind: 'hold'; until: number };

/**
 * Approve an allowed deployment; hold one whose only enforced failures are active freezes (it
 * becomes deployable when they end, so rejecting would only make someone re-run it); reject
 * anything else. With `holdForLimit` (the sweep, re-checking a deployment that already waits) a
 * reached deploy limit holds too, until its next slot frees: held deployments go out a few at a
 * time after a freeze instead of all at once. A row without a readable end cannot be held and is
 * rejected.
 */
export function verdictOf(
  decision: Decision,
  options: { holdForLimit: boolean } = { holdForLimit: false },
): Verdict {
  const holdable = new Set(
    options.holdForLimit ? ['freeze_active', 'deploy_limit_reached'] : ['freeze_active'],
  );
  const failing = decision.rules.filter((rule) => rule.outcome === 'fail');
  if (failing.length === 0) return { kind: 'approve' };
  if (!failing.every((rule) => holdable.has(rule.code))) return { kind: 'reject' };
  const ends = failing.map((rule) => (rule.until === undefined ? undefined : parseRfc3339(rule.until)));
  if (ends.some((end) => end === undefined)) return { kind: 'reject' };
  return { kind: 'hold', until: Math.max(...(ends as number[])) };
}
