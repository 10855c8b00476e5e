import type { Decision } from '../../core/guardrails/index.js';
import { parseRfc3339 } from '../../core/time/index.js';

/** What the protection rule does with a decision. */
export type Verdict =
  | { kind: 'approve' }
  | { kind: 'reject' }
  /** Keep the deployment waiting: only freezes block it, and they end at `until` (epoch ms). */
  | { kind: 'hold'; until: number };

/**
 * Approve an allowed deployment; hold one whose only enforced failures are active freezes (it
 * becomes deployable when they end, so rejecting would only make someone re-run it); reject
 * anything else. A freeze row without a readable end cannot be held and is rejected.
 */
export function verdictOf(decision: Decision): Verdict {
  const failing = decision.rules.filter((rule) => rule.outcome === 'fail');
  if (failing.length === 0) return { kind: 'approve' };
  if (!failing.every((rule) => rule.code === 'freeze_active')) return { kind: 'reject' };
  const ends = failing.map((rule) => (rule.until === undefined ? undefined : parseRfc3339(rule.until)));
  if (ends.some((end) => end === undefined)) return { kind: 'reject' };
  return { kind: 'hold', until: Math.max(...(ends as number[])) };
}
