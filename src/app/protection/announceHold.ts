import type { ProtectionPort, RunRef } from '../../github/protection/protectionPort.js';
import { HOLD_MARKER_PREFIX, holdMarker } from './holdMarker.js';

/**
 * Most hold reports grantops posts on one run. GitHub keeps at most 10 status reports per
 * deployment; grantops leaves room for other Apps and never spends them all on one long hold.
 */
export const MAX_HOLD_REPORTS = 5;

/** What announcing a hold did. */
export type HoldReport = 'reported' | 'already-reported' | 'report-limit' | 'not-pending';

/**
 * Posts a hold's status report once: the run's review history is read first, and a report with the
 * same marker (same environment, same end) means it was announced already (a redelivered webhook,
 * a second sweep). At most {@link MAX_HOLD_REPORTS} reports per run, whatever changes.
 */
export async function announceHold(params: {
  port: ProtectionPort;
  run: RunRef;
  environment: string;
  until: number;
  comment: string;
}): Promise<HoldReport> {
  const { port, run, environment, until, comment } = params;
  const marker = holdMarker(environment, until);
  const ours = (await port.listRunReviews(run)).filter((r) => r.comment.includes(HOLD_MARKER_PREFIX));
  if (ours.some((r) => r.comment.includes(marker))) return 'already-reported';
  if (ours.length >= MAX_HOLD_REPORTS) return 'report-limit';
  const outcome = await port.postStatusReport({ run, environment, comment });
  return outcome === 'reported' ? 'reported' : 'not-pending';
}
