import { zonedParts } from '../time/index.js';

const DAYS = 'SunMonTueWedThuFriSat';
const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as people in a zone read it: `Mon 2026-11-30 08:00 Europe/Berlin`. */
export function describeInstant(epochMs: number, zone: string): string {
  const p = zonedParts(epochMs, zone);
  return `${DAYS.slice(p.weekday * 3, p.weekday * 3 + 3)} ${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${zone}`;
}
