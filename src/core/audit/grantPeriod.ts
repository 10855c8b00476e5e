import { holdsAccess } from '../lifecycle/index.js';
import { parseRfc3339 } from '../time/index.js';
import type { AuditRange } from './auditRow.js';
import type { RevertPullFacts } from './revertPullFacts.js';

/** When a recorded grant held (or was meant to hold) access, epoch milliseconds. */
export interface GrantPeriod {
  from: number;
  to: number;
}

const time = (iso: string | undefined) => (iso === undefined ? undefined : parseRfc3339(iso));

/**
 * The period a grant is audited for: from when it was applied (else its start, else when its
 * reverting PR was opened) until it was revoked. A grant that may still hold access (applied,
 * pending, or failed and retried) has no end yet; one that never held any ends at `expires`.
 */
export function grantPeriod(pull: Pick<RevertPullFacts, 'createdAt' | 'closedAt' | 'record'>): GrantPeriod {
  const { record } = pull;
  const from = time(record.appliedAt) ?? time(record.starts) ?? time(pull.createdAt) ?? 0;
  const to = holdsAccess(record)
    ? Infinity
    : (time(record.revokedAt) ?? time(record.expires) ?? time(pull.closedAt) ?? Infinity);
  return { from: Math.min(from, to), to };
}

/** True when the period and the range share an instant. */
export function overlapsRange(period: GrantPeriod, range: AuditRange): boolean {
  return period.from <= range.until && period.to >= range.since;
}
