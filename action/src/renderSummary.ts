import { decisionRows } from '../../src/cli/decisionRows.js';
import type { RuleOutcome } from '../../src/core/guardrails/index.js';
import type { CheckResult } from './checkGuardrails.js';

const MARK: Record<RuleOutcome['outcome'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warn: '⚠️ warn',
  skip: '➖ skip',
  bypassed: '🚨 bypassed',
};

/** A table cell: pipes escaped and lines joined, so a command like `a | b` cannot break the table. */
const cell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/**
 * The job summary in Markdown: the decision and reason_code, then a table of every rule with its
 * outcome, message, location and the times it used (UTC and the rule's zone), then what was left
 * out and why.
 */
export function renderSummary(
  result: CheckResult,
  params: { mode: 'enforce' | 'warn'; where: (outcome: RuleOutcome) => string; triggeringActor?: string },
): string {
  const { decision } = result;
  const icon = decision.allowed ? '✅' : params.mode === 'warn' ? '⚠️' : '⛔';
  const verb = decision.allowed ? 'allowed' : params.mode === 'warn' ? 'would block (warn mode)' : 'blocked';
  const by =
    params.triggeringActor && params.triggeringActor.toLowerCase() !== decision.actor.toLowerCase()
      ? ` (re-run by \`${params.triggeringActor}\`)`
      : '';
  const lines = [
    `### ${icon} grantops ${verb} the deploy to \`${cell(decision.environment)}\``,
    '',
    `reason_code \`${decision.reason_code}\` · actor \`${cell(decision.actor)}\`${by} · at ${decision.at} · mode ${params.mode} · grants from \`${cell(result.grantsLabel)}\` · ${result.apiRequests} API request(s)`,
    '',
    "| Rule | Outcome | Message | Time (UTC) | Time (rule's zone) | Until | Where |",
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...decisionRows(decision, params.where).map(
      (r, i) =>
        `| ${r.rule} | ${MARK[decision.rules[i]?.outcome ?? 'fail']} | ${cell(r.message)} | ${r.utc} | ${cell(r.local)} | ${r.until} | ${cell(r.where)} |`,
    ),
  ];
  if (decision.emergency)
    lines.push(
      '',
      '> [!CAUTION]',
      '> This deploy rides on an emergency (break-glass) grant; an owner must review it.',
    );
  if (result.ignoredGrantFiles.length > 0)
    lines.push(
      '',
      `Grant files with errors count for nobody (run \`grantops validate\`): ${result.ignoredGrantFiles.map((f) => `\`${cell(f)}\``).join(', ')}`,
    );
  for (const note of result.notes) lines.push('', `> [!NOTE]`, `> ${cell(note)}`);
  if (decision.alerts.length > 0) lines.push('', `Alerts: ${decision.alerts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
