import type { Decision, RuleOutcome } from '../core/guardrails/index.js';

/** One rule of a decision as text cells, shared by the CLI table and the Action's job summary. */
export interface DecisionRow {
  rule: string;
  outcome: string;
  mode: string;
  code: string;
  /** The instant the rule used, UTC; `-` when the rule uses no time. */
  utc: string;
  /** The same instant in the rule's zone, with the zone's name; `-` when the rule has no zone. */
  local: string;
  /** When the outcome stops holding; `-` when it does not say. */
  until: string;
  /** `file:line:col` of the rule or grant, as `where` renders it. */
  where: string;
  message: string;
}

/** Outcomes that need someone's attention (annotations, alerts, the CLI's markers). */
export const NOTABLE_OUTCOMES: ReadonlySet<RuleOutcome['outcome']> = new Set(['fail', 'warn', 'bypassed']);

/**
 * Turns every rule outcome into text cells. `where` formats a location so each front end can point
 * at the file the way its reader opens it (relative to the working directory, or in another repo).
 */
export function decisionRows(
  decision: Decision,
  where: (outcome: RuleOutcome) => string = (o) => (o.file ? `${o.file}:${o.line ?? 1}:${o.col ?? 1}` : '-'),
): DecisionRow[] {
  return decision.rules.map((outcome) => ({
    rule: outcome.rule,
    outcome: outcome.outcome,
    mode: outcome.mode,
    code: outcome.code,
    utc: outcome.times?.utc ?? '-',
    local: outcome.times?.local ? `${outcome.times.local} (${outcome.times.zone ?? 'UTC'})` : '-',
    until: outcome.until ?? '-',
    where: where(outcome),
    message: outcome.message,
  }));
}
