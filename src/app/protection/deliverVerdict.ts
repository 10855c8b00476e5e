import type { Logger } from 'pino';
import type { Decision } from '../../core/guardrails/index.js';
import { formatUtc } from '../../core/time/index.js';
import type { AnswerOutcome, ProtectionPort, RunRef } from '../../github/protection/protectionPort.js';
import { announceHold, type HoldReport } from './announceHold.js';
import { renderProtectionComment } from './renderProtectionComment.js';
import type { Verdict } from './verdictOf.js';

/** What was sent to GitHub for one decision. */
export type Delivery = AnswerOutcome | HoldReport | 'unchanged';

/**
 * Sends a verdict through the run's callback: approves or rejects with the decision as the comment,
 * or, for a hold, announces it once (`announce: false` when the hold was announced already, which
 * sends nothing). Logs one structured line with the decision and what GitHub answered.
 */
export async function deliverVerdict(params: {
  port: ProtectionPort;
  run: RunRef;
  environment: string;
  decision: Decision;
  verdict: Verdict;
  announce: boolean;
  log: Pick<Logger, 'info'>;
}): Promise<Delivery> {
  const { port, run, environment, decision, verdict, log } = params;
  const comment = renderProtectionComment(decision, verdict);
  let delivery: Delivery;
  if (verdict.kind === 'hold') {
    delivery = params.announce
      ? await announceHold({ port, run, environment, until: verdict.until, comment })
      : 'unchanged';
  } else {
    const state = verdict.kind === 'approve' ? 'approved' : 'rejected';
    delivery = await port.answerProtectionRule({ run, environment, state, comment });
  }
  log.info(
    {
      repo: `${run.repo.owner}/${run.repo.repo}`,
      run: run.runId,
      environment,
      actor: decision.actor,
      verdict: verdict.kind,
      reason_code: decision.reason_code,
      failed: decision.rules.filter((r) => r.outcome === 'fail').map((r) => r.code),
      ...(verdict.kind === 'hold' ? { until: formatUtc(verdict.until) } : {}),
      delivery,
    },
    `protection rule ${verdict.kind} for ${environment} (${delivery})`,
  );
  return delivery;
}
