import type { AuditEntry, AuditRow } from './auditRow.js';

const tieBreak = (row: AuditRow) => row.revert_pr ?? row.request_pr ?? '';

/**
 * The export's order, the same on every run: by when each grant was applied (else when it began
 * or was refused), then by grant file, then by pull request.
 */
export function sortAuditEntries(entries: readonly AuditEntry[]): AuditRow[] {
  return [...entries]
    .sort(
      (a, b) =>
        a.at - b.at ||
        compare(a.row.grant_file, b.row.grant_file) ||
        compare(tieBreak(a.row), tieBreak(b.row)),
    )
    .map((entry) => entry.row);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
