import { describe, expect, it } from 'vitest';
import { formatZoned } from '../../../src/core/time/index.js';

describe('formatZoned', () => {
  it.each([
    ['2026-11-27T15:00:00Z', 'Europe/Berlin', '2026-11-27T16:00:00+01:00'],
    ['2026-07-01T00:00:00Z', 'Europe/Berlin', '2026-07-01T02:00:00+02:00'],
    ['2026-03-08T07:30:00Z', 'America/New_York', '2026-03-08T03:30:00-04:00'],
    ['2026-11-01T06:15:00Z', 'America/New_York', '2026-11-01T01:15:00-05:00'],
    ['2026-11-01T05:15:00Z', 'America/New_York', '2026-11-01T01:15:00-04:00'],
    ['2026-01-01T00:00:59.999Z', 'Asia/Kolkata', '2026-01-01T05:30:59+05:30'],
    ['2026-01-01T00:00:00Z', 'UTC', '2026-01-01T00:00:00+00:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(formatZoned(Date.parse(instant), zone)).toBe(expected);
  });
});
