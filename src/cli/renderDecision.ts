import type { Decision, RuleOutcome } from '../core/guardrails/index.js';
import { decisionRows, NOTABLE_OUTCOMES } from './decisionRows.js';
import { renderTable } from './renderTable.js';

/** What the human output adds around the decision. */
export interface DecisionNotes {
  /** Grant files with errors, which counted for nobody. */
  ignoredGrantFiles?: readonly string[];
  /** Extra lines (hints on how to give missing data). */
  hints?: readonly string[];
}

/**
 * The human output of `grantops check`: a table of every rule with its outcome and the times it
 * used (UTC and the rule's zone), each rule's message, then the decision and its reason_code last,
 * where a terminal user looks first.
 */
export function renderDecision(
  decision: Decision,
  where: (outcome: RuleOutcome) => string,
  notes: DecisionNotes = {},
): string {
  const rows = decisionRows(decision, where);
  const table = renderTable(
    ['#', 'rule', 'outcome', 'mode', 'code', 'time (UTC)', "time (rule's zone)", 'until', 'where'],
    rows.map((r, i) => [String(i + 1), r.rule, r.outcome, r.mode, r.code, r.utc, r.local, r.until, r.where]),
  );
  const messages = rows.map((r, i) => {
    const mark = NOTABLE_OUTCOMES.has(r.outcome as RuleOutcome['outcome'])
      ? `${r.outcome.toUpperCase()} `
      : '';
    return `  ${i + 1}. ${mark}${r.message}`;
  });
  const lines = [
    `Guardrails for ${decision.environment}, actor ${decision.actor}, at ${decision.at}`,
    '',
    table,
    '',
    ...messages,
  ];
  if (decision.emergency)
    lines.push(
      '',
      'EMERGENCY: this deploy rides on a break-glass grant; an owner must review it after the fact.',
    );
  const ignored = notes.ignoredGrantFiles ?? [];
  if (ignored.length > 0)
    lines.push(
      '',
      `${ignored.length} grant file(s) have errors and count for nobody (\`grantops validate\` says why):`,
      ...ignored.map((f) => `  ${f}`),
    );
  if (decision.alerts.length > 0) lines.push('', `alerts raised: ${decision.alerts.join(', ')}`);
  for (const hint of notes.hints ?? []) lines.push('', `hint: ${hint}`);
  lines.push('', `${decision.decision} (reason_code: ${decision.reason_code})`);
  return `${lines.join('\n')}\n`;
}
