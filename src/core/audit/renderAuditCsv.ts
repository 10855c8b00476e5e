import { AUDIT_COLUMNS, type AuditRow } from './auditRow.js';

/** First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. A text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading `'`, so Excel, LibreOffice and Google Sheets
 * show it as text; then, per RFC 4180, a cell holding a comma, a double quote or a line break
 * is enclosed in double quotes with its quotes doubled.
 */
export function csvCell(value: AuditRow[keyof AuditRow]): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return String(value);
  const raw = Array.isArray(value) ? value.join(' ') : value;
  const safe = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The export as CSV (RFC 4180): a header row of the column names, one record per grant, CRLF
 * line ends. Approvers are separated by spaces (GitHub logins hold none); booleans are `true` or
 * `false`; absent values are empty cells.
 */
export function renderAuditCsv(rows: readonly AuditRow[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const row of rows) lines.push(AUDIT_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
