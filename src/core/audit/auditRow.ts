import type { RecordState } from '../lifecycle/index.js';

/** Version of the JSON export's shape; bumped when a field changes meaning or is removed. */
export const AUDIT_SCHEMA_VERSION = 1;

/** Where an audited grant ended up: its record's state, or `refused` when the merge did not apply it. */
export type AuditState = RecordState | 'refused';

/**
 * One grant in an audit export. The field names are the CSV header and the JSON keys (the
 * contract consumers rely on); absent values are `null` (empty cells in CSV).
 */
export interface AuditRow {
  grant_file: string;
  grantee: string | null;
  resource: string | null;
  role: string | null;
  reason: string | null;
  ticket: string | null;
  /** Author of the request pull request. */
  requested_by: string | null;
  request_pr: string | null;
  approvers: string[];
  emergency: boolean;
  starts: string | null;
  expires: string | null;
  applied_at: string | null;
  revoked_at: string | null;
  state: AuditState;
  /** The scheduled reverting pull request (none for a refused grant). */
  revert_pr: string | null;
  /** Taken back before `expires` because a person merged the reverting PR or deleted the grant file. */
  given_back_early: boolean;
  last_error: string | null;
}

/** The columns of an export, in order. */
export const AUDIT_COLUMNS: readonly (keyof AuditRow)[] = [
  'grant_file',
  'grantee',
  'resource',
  'role',
  'reason',
  'ticket',
  'requested_by',
  'request_pr',
  'approvers',
  'emergency',
  'starts',
  'expires',
  'applied_at',
  'revoked_at',
  'state',
  'revert_pr',
  'given_back_early',
  'last_error',
];

/** A row with the instant it sorts by (when the grant was applied, else when it began or was refused). */
export interface AuditEntry {
  row: AuditRow;
  at: number;
}

/** The time range of an export, epoch milliseconds, both ends inclusive. */
export interface AuditRange {
  since: number;
  until: number;
}
