import type { LocalDateTime } from './rfc3339.js';

/** Wall-clock fields of an instant in a time zone, plus the weekday (0 = Sunday). */
export interface ZonedParts extends LocalDateTime {
  weekday: number;
}

/**
 * One formatter per zone, made on first use: constructing an `Intl.DateTimeFormat` costs far more
 * than formatting with it, and a check asks for the same few zones dozens of times. The formatters
 * are immutable, so sharing them is safe. Only zones the runtime accepted are kept, and the map is
 * emptied when it reaches {@link MAX_FORMATTERS}, so a long-lived process (the App) fed policies
 * that spell zones in ever new ways (`europe/BERLIN`) cannot grow it without bound.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 256;

function formatter(zone: string): Intl.DateTimeFormat {
  let made = formatters.get(zone);
  if (!made) {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(zone, made);
  }
  return made;
}

/** True when `zone` is an IANA time zone name this runtime knows (`Europe/Berlin`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a time zone. */
export function zonedParts(epochMs: number, zone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    year,
    month,
    day,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in winter: 60). */
export function zoneOffsetMinutes(epochMs: number, zone: string): number {
  const p = zonedParts(epochMs, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which a zone's clocks show the given wall-clock time.
 * A time skipped by a daylight-saving jump (02:30 on a spring-forward night) resolves to the same
 * distance after the jump (03:30); a time that happens twice (autumn) resolves to its first occurrence.
 */
export function zonedToEpoch(local: LocalDateTime, zone: string): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = zoneOffsetMinutes(naive - 86_400_000, zone);
  const after = zoneOffsetMinutes(naive + 86_400_000, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset * 60_000)
    .filter((epoch) => {
      const p = zonedParts(epoch, zone);
      return (
        p.year === local.year &&
        p.month === local.month &&
        p.day === local.day &&
        p.hour === local.hour &&
        p.minute === local.minute
      );
    })
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In a gap: clocks jumped from `before` to `after`; keep the distance past the jump.
  return naive - before * 60_000;
}
