import {
  isValidTimeZone,
  parseLocalDateTime,
  parseRfc3339,
  zonedParts,
  zonedToEpoch,
  type LocalDateTime,
} from '../time/index.js';
import type { FreezeWindow } from '../types.js';

/** One occurrence of a freeze window, epoch milliseconds, end exclusive. */
export interface FreezeSpan {
  start: number;
  end: number;
}

/** A freeze window made ready to ask "is it frozen at this instant, and until when?". */
export interface CompiledFreezeWindow {
  window: FreezeWindow;
  zone: string;
  /** The occurrence containing `at`, or undefined when the window is not active then. */
  activeAt: (at: number) => FreezeSpan | undefined;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKLY = /^(sun|mon|tue|wed|thu|fri|sat)\s+([01]?\d|2[0-3]):([0-5]\d)$/i;

interface WeeklyPoint {
  day: number;
  hour: number;
  minute: number;
}

function parseWeekly(text: string): WeeklyPoint | undefined {
  const m = WEEKLY.exec(text.trim());
  if (!m) return undefined;
  return { day: DAYS.indexOf((m[1] as string).toLowerCase()), hour: Number(m[2]), minute: Number(m[3]) };
}

/** The calendar date `days` away, keeping nothing but year, month and day. */
function shiftDays(date: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  };
}

/**
 * A weekly window's occurrence containing `at`: the latest start at or before `at`, and the end
 * that follows it. Both edges are wall-clock times turned into instants by `zonedToEpoch`, so a
 * week with a DST change is an hour shorter or longer, and an edge in a skipped hour falls after
 * the jump (as iCalendar does), an edge in a repeated hour at its first occurrence.
 */
function weekly(from: WeeklyPoint, to: WeeklyPoint, zone: string): CompiledFreezeWindow['activeAt'] {
  const fromMinutes = from.hour * 60 + from.minute;
  let span = (to.day - from.day + 7) % 7;
  if (span === 0 && to.hour * 60 + to.minute < fromMinutes) span = 7;
  const at = (date: LocalDateTime, p: WeeklyPoint): number =>
    zonedToEpoch({ ...date, hour: p.hour, minute: p.minute, second: 0 }, zone);
  return (instant) => {
    const local = zonedParts(instant, zone);
    let date = shiftDays(local, -((local.weekday - from.day + 7) % 7));
    let start = at(date, from);
    if (start > instant) {
      date = shiftDays(date, -7);
      start = at(date, from);
    }
    const end = at(shiftDays(date, span), to);
    return instant < end ? { start, end } : undefined;
  };
}

function parseInstant(text: string, zone: string): number | undefined {
  const local = parseLocalDateTime(text.trim());
  return local ? zonedToEpoch(local, zone) : parseRfc3339(text.trim());
}

/**
 * Compiles a freeze window, or says what is wrong with it. Weekly windows (`Fri 16:00` to
 * `Mon 08:00`, days Mon..Sun, 24h clock) may wrap the week and span midnight; one-off windows are
 * local wall-clock dates (`2026-12-22T00:00:00`) or RFC 3339 instants with an offset. The zone is the
 * window's own `timezone`, else `defaultZone`, else UTC.
 */
export function compileFreezeWindow(
  window: FreezeWindow,
  defaultZone?: string,
): CompiledFreezeWindow | { error: string } {
  const zone = window.timezone ?? defaultZone ?? 'UTC';
  if (!isValidTimeZone(zone))
    return { error: `unknown time zone \`${zone}\` (use an IANA name like Europe/Berlin)` };
  const weeklyFrom = parseWeekly(window.from);
  const weeklyTo = parseWeekly(window.to);
  if (weeklyFrom && weeklyTo) {
    const same =
      weeklyFrom.day === weeklyTo.day &&
      weeklyFrom.hour === weeklyTo.hour &&
      weeklyFrom.minute === weeklyTo.minute;
    if (same) return { error: '`from` and `to` are the same time, which makes the window empty or endless' };
    return { window, zone, activeAt: weekly(weeklyFrom, weeklyTo, zone) };
  }
  const start = parseInstant(window.from, zone);
  const end = parseInstant(window.to, zone);
  if (start === undefined || end === undefined) {
    return {
      error: '`from` and `to` must both be weekly times (`Fri 16:00`) or both dates (`2026-12-22T00:00:00`)',
    };
  }
  if (end <= start) return { error: '`to` must be after `from`' };
  return { window, zone, activeAt: (at) => (start <= at && at < end ? { start, end } : undefined) };
}
