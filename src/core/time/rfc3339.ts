const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Calendar fields of a wall-clock time, months 1-12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkFields(f: LocalDateTime): boolean {
  return (
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth(f.year, f.month) &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    f.second <= 59
  );
}

/** The date and time fields of a match (groups 1 to 6, seconds optional), if they name a real instant. */
function fieldsOf(m: RegExpExecArray): LocalDateTime | undefined {
  const fields: LocalDateTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  return checkFields(fields) ? fields : undefined;
}

/**
 * Parses an RFC 3339 timestamp that carries an offset (`Z` or `+02:00`) into epoch milliseconds.
 * Impossible dates (February 30th, hour 24) and timestamps without an offset return undefined.
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  const fields = m && fieldsOf(m);
  if (!m || !fields) return undefined;
  const offsetText = m[8]!; // the pattern requires the offset
  let offsetMin = 0;
  if (offsetText !== 'Z' && offsetText !== 'z') {
    const sign = offsetText.startsWith('-') ? -1 : 1;
    const oh = Number(offsetText.slice(1, 3));
    const om = Number(offsetText.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMin = sign * (oh * 60 + om);
  }
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  return (
    Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second) +
    fraction -
    offsetMin * 60_000
  );
}

/** Parses a wall-clock time without offset (`2026-12-22T00:00:00`, seconds optional). */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const m = LOCAL.exec(text);
  return (m && fieldsOf(m)) ?? undefined;
}

/** Formats epoch milliseconds as RFC 3339 in UTC without fractional seconds (`2026-11-28T18:00:00Z`). */
export function formatUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
