import type { GrantRecord } from '../lifecycle/index.js';
import { parseRfc3339 } from '../time/index.js';
import type { AuditEntry, AuditRow } from './auditRow.js';
import { grantPeriod } from './grantPeriod.js';
import type { GrantDetails, RevertPullFacts } from './revertPullFacts.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const time = (iso: unknown) => (typeof iso === 'string' ? parseRfc3339(iso) : undefined);

/** The page of another pull request of the same repository, from a pull request's page. */
export function siblingPullUrl(url: string, number: number): string {
  return url.replace(/\/pull\/\d+$/, `/pull/${number}`);
}

/** True when the record names a request PR but lacks who asked or who approved: read the PR. */
export function needsRequestFacts(record: GrantRecord): boolean {
  return (
    typeof record.requestPr === 'number' &&
    (!text(record.requestedBy) || !Array.isArray(record.approvers) || record.approvers.length === 0)
  );
}

/**
 * True when the reverting PR was merged before `expires`: only then is who merged it read, since
 * grantops itself merges only after revoking at expiry (a clock skew of seconds aside).
 */
export function mergedBeforeExpiry(pull: Pick<RevertPullFacts, 'mergedAt' | 'record'>): boolean {
  const merged = time(pull.mergedAt);
  const expires = time(pull.record.expires);
  return merged !== undefined && expires !== undefined && merged < expires;
}

/**
 * Given back early: a person merged the reverting PR before `expires`, or the grant file was
 * deleted by another pull request (grantops then revokes before `expires` and closes this PR
 * unmerged).
 */
function givenBackEarly(pull: RevertPullFacts, details: GrantDetails): boolean {
  if (pull.mergedAt !== undefined) return mergedBeforeExpiry(pull) && details.mergedByPerson === true;
  const revoked = time(pull.record.revokedAt);
  const expires = time(pull.record.expires);
  return pull.state === 'closed' && revoked !== undefined && expires !== undefined && revoked < expires;
}

/**
 * Maps a grant's record (from its reverting PR) and what was read beyond it to one export row.
 * Pure: hand-edited records with wrong types give empty cells, never a crash.
 */
export function auditEntryOf(pull: RevertPullFacts, details: GrantDetails = {}): AuditEntry {
  const r = pull.record;
  const recorded = Array.isArray(r.approvers) ? r.approvers.filter((a) => text(a) !== null) : [];
  const row: AuditRow = {
    grant_file: r.file,
    grantee: text(r.grantee),
    resource: text(r.resource),
    role: text(r.role),
    reason: text(details.reason),
    ticket: text(details.ticket),
    requested_by: text(r.requestedBy) ?? text(details.requestedBy),
    request_pr: typeof r.requestPr === 'number' ? siblingPullUrl(pull.url, r.requestPr) : null,
    approvers: recorded.length > 0 ? recorded : [...(details.approvers ?? [])],
    emergency: r.emergency === true,
    starts: text(r.starts),
    expires: text(r.expires),
    applied_at: text(r.appliedAt),
    revoked_at: text(r.revokedAt),
    state: r.state,
    revert_pr: pull.url,
    given_back_early: givenBackEarly(pull, details),
    last_error: text(r.lastError),
  };
  return { row, at: grantPeriod(pull).from };
}
