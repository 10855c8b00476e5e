import { formatUtc } from '../time/index.js';
import { AUDIT_SCHEMA_VERSION, type AuditRange, type AuditRow } from './auditRow.js';

/** The JSON export: a versioned document whose `grants` array holds one object per grant. */
export interface AuditDocument {
  schema_version: typeof AUDIT_SCHEMA_VERSION;
  repository: string;
  since: string;
  until: string;
  grants: readonly AuditRow[];
}

/**
 * The export as JSON. Values are as recorded (no spreadsheet escaping: JSON readers do not run
 * formulas); absent values are `null`, approvers an array. Nothing in it depends on the clock,
 * so the same range gives the same bytes.
 */
export function renderAuditJson(params: {
  repository: string;
  range: AuditRange;
  rows: readonly AuditRow[];
}): string {
  const document: AuditDocument = {
    schema_version: AUDIT_SCHEMA_VERSION,
    repository: params.repository,
    since: formatUtc(params.range.since),
    until: formatUtc(params.range.until),
    grants: params.rows,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
