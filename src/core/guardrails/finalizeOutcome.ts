import type { Guardrail } from '../types.js';
import type { OutcomeStatus, RuleOutcome } from './decision.js';
import type { Finding } from './finding.js';

/**
 * Turns a finding into a decision row. A failure becomes `bypassed` when an emergency grant is in
 * force and the guardrail lists the rule in `emergency_bypass` (never the grant rule or the policy),
 * else `warn` when the rule's mode is warn, else stays `fail`.
 */
export function finalizeOutcome(
  finding: Finding,
  params: { guardrail?: Guardrail; emergency: boolean },
): RuleOutcome {
  const { rule, status, code, message, file, line, col, times, until } = finding;
  const mode = rule === 'policy' ? 'enforce' : (params.guardrail?.modes?.[rule] ?? 'enforce');
  const bypassable =
    params.emergency &&
    rule !== 'grant' &&
    rule !== 'policy' &&
    params.guardrail?.emergency_bypass?.includes(rule) === true;
  let outcome: OutcomeStatus = status;
  let text = message;
  if (status === 'fail' && bypassable) {
    outcome = 'bypassed';
    text = `${message} (bypassed by an emergency grant)`;
  } else if (status === 'fail' && mode === 'warn') {
    outcome = 'warn';
  }
  const row: RuleOutcome = { rule, mode, outcome, code, message: text, file, line, col };
  if (times !== undefined) row.times = times;
  if (until !== undefined) row.until = until;
  return row;
}
