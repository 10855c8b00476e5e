import type { GrantRecord } from '../../core/lifecycle/index.js';
import type { PullRequest } from '../../github/port.js';
import type { LifecycleContext } from './lifecycleContext.js';

export const APPLY_REPORT_MARKER = '<!-- grantops:apply-report -->';

/** What happened to one grant file of a merged PR. */
export interface ApplyReportLine {
  file: string;
  outcome: GrantRecord['state'] | 'refused' | 'revoked' | 'revoke failed';
  why?: string;
  record?: GrantRecord;
  revertPr?: number;
}

const when = (iso: string | undefined) => (iso ?? '').replace('T', ' ').replace(/(:00)?Z$/, ' UTC');

function describe(line: ApplyReportLine): string {
  const r = line.record;
  switch (line.outcome) {
    case 'applied':
      return `✅ granted ${r!.resource}${r!.role ? ` (${r!.role})` : ''} to @${r!.grantee} until ${when(r!.expires)}; revoked then by #${line.revertPr}`;
    case 'pending':
      return `⏳ invitation sent to @${r!.grantee} for ${r!.resource}: the access starts when it is accepted; it ends ${when(r!.expires)} (#${line.revertPr})`;
    case 'scheduled':
      return `🕒 scheduled: ${r!.resource} for @${r!.grantee} from ${when(r!.starts)} until ${when(r!.expires)} (#${line.revertPr})`;
    case 'apply-failed':
      return `❌ applying failed: ${r!.lastError}. grantops retries on every sweep (#${line.revertPr})`;
    case 'refused':
      return `⛔ not applied: ${line.why}`;
    default:
      return `${line.outcome}`;
  }
}

/** Reports the outcome of a merge on its PR, in one comment kept current (no duplicate on redelivery). */
export async function reportApplied(
  ctx: LifecycleContext,
  pr: PullRequest,
  lines: readonly ApplyReportLine[],
): Promise<void> {
  if (lines.length === 0) return;
  const body = [
    '**grantops** applied this merge:',
    '',
    ...lines.map((l) => `- \`${l.file}\`: ${describe(l)}`),
  ].join('\n');
  await ctx.port.upsertComment(ctx.repo, pr.number, APPLY_REPORT_MARKER, body);
}
