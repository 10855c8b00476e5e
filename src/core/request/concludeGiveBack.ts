import type { FileApproval, RequestEvaluation } from './types.js';

/**
 * Who may still approve removing a grant file: its code owners as written, then its grantee. While
 * an owner requests changes, only the grantee can.
 */
export function removalApprovers(approval: FileApproval): string[] {
  const grantee = approval.removal?.grantee ? [`@${approval.removal.grantee}`] : [];
  return approval.changesRequestedBy.length > 0 ? grantee : [...approval.owners, ...grantee];
}

const joinOr = (names: readonly string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');

/**
 * Turns the approvals of a pull request that only removes grants into the check's conclusion and
 * title. It passes when every removal is approved (given back by its grantee, or approved by a code
 * owner); otherwise the title names, per file, who may still approve. grantops never merges it.
 */
export function concludeGiveBack(
  evaluation: Omit<RequestEvaluation, 'conclusion' | 'title' | 'mergeable' | 'stale'>,
): RequestEvaluation {
  const count = evaluation.removedGrants.length;
  const grants = `${count} grant${count === 1 ? '' : 's'}`;
  const waiting = evaluation.approvals.filter((a) => a.approvedVia === undefined);
  if (waiting.length === 0) {
    const title = `Removes ${grants}: the access is revoked on merge`;
    return { ...evaluation, conclusion: 'success', title, mergeable: false, stale: false };
  }
  const who = waiting.map((a) => {
    const names = removalApprovers(a);
    const blocked = a.changesRequestedBy.map((l) => `@${l}`).join(', ');
    if (names.length > 0)
      return `${a.file} by ${joinOr(names)}${blocked && ` (changes requested by ${blocked})`}`;
    return blocked
      ? `${a.file}: changes requested by ${blocked}`
      : `${a.file} cannot be approved (no code owner, and not a grant on the default branch)`;
  });
  return {
    ...evaluation,
    conclusion: 'action_required',
    title: `Removing ${waiting.length === count ? grants : `${waiting.length} of ${grants}`} of others needs approval: ${who.join('; ')}`,
    mergeable: false,
    stale: false,
  };
}
