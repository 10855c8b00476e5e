import { hasErrors } from '../problem.js';
import type { RequestEvaluation } from './types.js';
import type { JudgedGrants } from './judgeRequestedGrants.js';

/** Turns judged grants into the check's conclusion, its one-line title, and what the App may do. */
export function concludeRequest(
  judged: Omit<RequestEvaluation, 'conclusion' | 'title' | 'mergeable' | 'stale'> &
    Pick<JudgedGrants, 'allExpired'>,
): RequestEvaluation {
  const { allExpired, ...evaluation } = judged;
  const approved =
    evaluation.approvals.length > 0 && evaluation.approvals.every((a) => a.approvedVia !== undefined);
  const errors = evaluation.problems.filter((p) => p.severity === 'error').length;
  if (allExpired) {
    return {
      ...evaluation,
      conclusion: 'failure',
      title: 'Every grant expired before it was approved: this request is closed',
      mergeable: false,
      stale: true,
    };
  }
  if (hasErrors(evaluation.problems)) {
    return {
      ...evaluation,
      conclusion: 'failure',
      title: `${errors} problem${errors === 1 ? '' : 's'} to fix before this request can be approved`,
      mergeable: false,
      stale: false,
    };
  }
  if (!approved) {
    const waiting = evaluation.approvals.filter((a) => a.approvedVia === undefined);
    const needs = waiting.reduce(
      (sum, a) => sum + Math.max(a.min - a.approvedBy.length, a.changesRequestedBy.length > 0 ? 1 : 0),
      0,
    );
    return {
      ...evaluation,
      conclusion: 'action_required',
      title: `Waiting for ${needs} more code-owner approval${needs === 1 ? '' : 's'}`,
      mergeable: false,
      stale: false,
    };
  }
  const count = evaluation.grants.length;
  const emergency = evaluation.approvals.some((a) => a.approvedVia === 'emergency');
  const title = `${emergency ? 'EMERGENCY, ' : ''}Approved: ${count} grant${count === 1 ? '' : 's'} ready to apply on merge`;
  return { ...evaluation, conclusion: 'success', title, mergeable: true, stale: false };
}
