import type { GrantRecord } from '../lifecycle/index.js';

/** A scheduled reverting pull request as listed (one issues-listing entry), with its decoded record. */
export interface RevertPullFacts {
  number: number;
  /** Its page on GitHub (`https://github.com/OWNER/NAME/pull/N`). */
  url: string;
  state: 'open' | 'closed';
  createdAt: string;
  closedAt: string | undefined;
  mergedAt: string | undefined;
  record: GrantRecord;
}

/** What reading beyond the listing added to a record (each field only when it was read). */
export interface GrantDetails {
  /** From the applied grant file (the record's blob). */
  reason?: string | undefined;
  ticket?: string | undefined;
  /** From the request pull request, when the record lacks them. */
  requestedBy?: string | undefined;
  approvers?: string[] | undefined;
  /** Who merged the reverting PR, read only when it was merged before `expires`. */
  mergedByPerson?: boolean | undefined;
}
