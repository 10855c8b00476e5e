import type { Decision, RuleOutcome } from '../../core/guardrails/index.js';
import { formatUtc } from '../../core/time/index.js';
import { holdMarker } from './holdMarker.js';
import type { Verdict } from './verdictOf.js';

/** GitHub's limit for a protection-rule comment (status reports: 1024 characters of Markdown). */
export const COMMENT_LIMIT = 1024;
const MESSAGE_LIMIT = 400;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

function ruleLine(rule: RuleOutcome): string {
  const where = rule.file ? ` (${rule.file}${rule.line ? `:${rule.line}` : ''})` : '';
  const flag = rule.outcome === 'fail' ? '' : ` ${rule.outcome}`;
  return `- \`${rule.code}\`${flag} [${rule.rule}]: ${clip(rule.message, MESSAGE_LIMIT)}${where}`;
}

function headline(decision: Decision, verdict: Verdict): string {
  const who = `@${decision.actor} → \`${decision.environment}\``;
  if (verdict.kind === 'approve')
    return `**grantops approved** ${who} (\`${decision.reason_code}\`) at ${decision.at}${decision.emergency ? ' **on an emergency (break-glass) grant**' : ''}`;
  if (verdict.kind === 'reject')
    return `**grantops rejected** ${who} (\`${decision.reason_code}\`) at ${decision.at}`;
  const failing = new Set(decision.rules.filter((r) => r.outcome === 'fail').map((r) => r.code));
  const why = [
    failing.has('freeze_active') ? 'a freeze is on (`freeze_active`)' : '',
    failing.has('deploy_limit_reached') ? 'the deploy limit is reached (`deploy_limit_reached`)' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `**grantops holds** ${who} until ${formatUtc(verdict.until)}: ${why}, checked at ${decision.at}. The deployment keeps waiting and is approved then, unless something else blocks it.`;
}

/** Adds lines while they fit in `room`; the rest is counted in one last line. */
function fit(lines: string[], room: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const [index, line] of lines.entries()) {
    const more = `- … and ${lines.length - index} more`;
    const rest = lines.length - index - 1;
    if (used + line.length + 1 + (rest > 0 ? more.length + 1 : 0) > room) {
      kept.push(more);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept;
}

/**
 * The comment of a protection-rule answer or status report: the verdict, the reason code, every
 * rule that failed, warned or was bypassed (with its message and where it is written), the times,
 * and how to reproduce the decision locally. Always within GitHub's 1024 characters; a hold report
 * ends with its hidden marker.
 */
export function renderProtectionComment(decision: Decision, verdict: Verdict): string {
  const rules = decision.rules.filter((r) => r.outcome !== 'pass' && r.outcome !== 'skip');
  const reproduce = `Reproduce: \`grantops check --environment ${decision.environment} --actor ${decision.actor} --at ${decision.at}\``;
  const tail = [
    verdict.kind === 'approve' ? '' : reproduce,
    verdict.kind === 'hold' ? holdMarker(decision.environment, verdict.until) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const head = clip(headline(decision, verdict), 400);
  const room = COMMENT_LIMIT - head.length - tail.length - 2;
  return [head, ...fit(rules.map(ruleLine), room), tail].filter(Boolean).join('\n');
}
