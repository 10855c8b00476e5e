import type { RevertPullFacts } from '../../src/core/audit/index.js';
import type { GrantRecord } from '../../src/core/lifecycle/index.js';

/** A grant record as the App writes it, applied and not yet revoked. */
export function grantRecord(over: Partial<GrantRecord> = {}): GrantRecord {
  return {
    v: 1,
    file: 'grants/prod-db/alice.yml',
    blob: 'b'.repeat(40),
    grantee: 'alice',
    resource: 'prod-db',
    resourceConfig: { provider: 'github-team', team: 'prod-db-admins' },
    role: 'maintainer',
    starts: undefined,
    expires: '2026-11-28T18:00:00Z',
    emergency: false,
    requestPr: 7,
    requestedBy: 'alice',
    approvers: ['bob'],
    before: 'none',
    granted: 'maintainer',
    state: 'applied',
    appliedAt: '2026-11-28T10:00:00Z',
    revokedAt: undefined,
    attempts: 1,
    lastError: undefined,
    warned: false,
    ...over,
  };
}

/** A reverting pull request as listed, carrying `record`. */
export function revertPull(
  record: GrantRecord,
  over: Partial<Omit<RevertPullFacts, 'record'>> = {},
): RevertPullFacts {
  return {
    number: 12,
    url: 'https://github.com/acme/access/pull/12',
    state: 'open',
    createdAt: '2026-11-28T09:59:58Z',
    closedAt: undefined,
    mergedAt: undefined,
    record,
    ...over,
  };
}
