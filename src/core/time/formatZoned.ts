import { zonedParts, zoneOffsetMinutes } from './zone.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Formats epoch milliseconds as RFC 3339 wall-clock time in a zone, with that zone's offset at the
 * instant (`2026-11-27T17:00:00+01:00`). Seconds are truncated, like `formatUtc`.
 */
export function formatZoned(epochMs: number, zone: string): string {
  const p = zonedParts(epochMs, zone);
  const offset = zoneOffsetMinutes(epochMs, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
