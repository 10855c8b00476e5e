import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatUtc,
  isValidTimeZone,
  parseDuration,
  parseLocalDateTime,
  parseRfc3339,
  zonedParts,
  zonedToEpoch,
  zoneOffsetMinutes,
} from '../../src/core/time/index.js';

describe('parseDuration / formatDuration', () => {
  it.each([
    ['30m', 1_800_000],
    ['8h', 28_800_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['90s', 90_000],
    [' 4h ', 14_400_000],
    ['0h', undefined],
    ['', undefined],
    ['8 hours', undefined],
    ['h', undefined],
    ['30m1h', undefined],
    ['-1h', undefined],
    ['9'.repeat(30) + 'h', undefined],
  ])('%j → %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each([
    [5_400_000, '1h30m'],
    [90_061_000, '1d1h1m1s'],
    [0, '0s'],
    [-5, '0s'],
    [499, '0s'],
  ])('%s → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('parseRfc3339', () => {
  it.each([
    ['2026-11-28T18:00:00Z', '2026-11-28T18:00:00Z'],
    ['2026-11-28t18:00:00z', '2026-11-28T18:00:00Z'],
    ['2026-11-28T18:00:00+02:00', '2026-11-28T16:00:00Z'],
    ['2026-11-28T18:00:00-05:30', '2026-11-28T23:30:00Z'],
    ['2026-11-28T18:00:00.750Z', '2026-11-28T18:00:00Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00Z'],
  ])('%s → %s', (text, utc) => expect(formatUtc(parseRfc3339(text)!)).toBe(utc));

  it.each([
    '2026-11-28T18:00:00',
    '2026-11-28',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-31T00:00:00Z',
    '2026-11-28T24:00:00Z',
    '2026-11-28T18:60:00Z',
    '2026-11-28T18:00:60Z',
    '2026-11-28T18:00:00+24:00',
    '2026-11-28T18:00:00+01:60',
    '2026-11-28 18:00:00Z',
    'tomorrow',
  ])('rejects %s', (text) => expect(parseRfc3339(text)).toBeUndefined());

  it('keeps milliseconds', () => expect(parseRfc3339('1970-01-01T00:00:00.5Z')).toBe(500));
});

describe('parseLocalDateTime', () => {
  it('reads wall-clock times with optional seconds', () => {
    expect(parseLocalDateTime('2026-12-22T00:00')).toEqual({
      year: 2026,
      month: 12,
      day: 22,
      hour: 0,
      minute: 0,
      second: 0,
    });
    expect(parseLocalDateTime('2026-12-22 08:30:15')?.second).toBe(15);
    expect(parseLocalDateTime('2026-02-30T00:00:00')).toBeUndefined();
    expect(parseLocalDateTime('2026-12-22T00:00:00Z')).toBeUndefined();
  });
});

describe('time zones', () => {
  it('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it.each([
    // Berlin: spring forward 2026-03-29 02:00 → 03:00; fall back 2026-10-25 03:00 → 02:00
    [
      'Europe/Berlin',
      { year: 2026, month: 1, day: 10, hour: 12, minute: 0, second: 0 },
      '2026-01-10T11:00:00Z',
    ],
    [
      'Europe/Berlin',
      { year: 2026, month: 7, day: 10, hour: 12, minute: 0, second: 0 },
      '2026-07-10T10:00:00Z',
    ],
    [
      'Europe/Berlin',
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 },
      '2026-03-29T01:30:00Z',
    ],
    [
      'Europe/Berlin',
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 },
      '2026-10-25T00:30:00Z',
    ],
    // New York: spring forward 2026-03-08 02:00 → 03:00; fall back 2026-11-01 02:00 → 01:00
    [
      'America/New_York',
      { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 },
      '2026-03-08T07:30:00Z',
    ],
    [
      'America/New_York',
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 },
      '2026-11-01T05:30:00Z',
    ],
    [
      'Asia/Kathmandu',
      { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 },
      '2025-12-31T18:15:00Z',
    ],
    ['UTC', { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, '2026-01-01T00:00:00Z'],
  ])('%s %j → %s', (zone, local, utc) => expect(formatUtc(zonedToEpoch(local, zone))).toBe(utc));

  it('reads wall-clock fields and offsets of an instant', () => {
    const instant = parseRfc3339('2026-11-27T23:30:00Z')!;
    expect(zonedParts(instant, 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 11,
      day: 28,
      hour: 0,
      minute: 30,
      second: 0,
      weekday: 6,
    });
    expect(zoneOffsetMinutes(instant, 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(parseRfc3339('2026-07-01T00:00:00Z')!, 'America/New_York')).toBe(-240);
  });

  it('gives the same answers from a reused formatter, interleaving zones and spellings', () => {
    const winter = parseRfc3339('2026-01-15T12:00:00Z')!;
    const summer = parseRfc3339('2026-07-15T12:00:00Z')!;
    for (let round = 0; round < 3; round++) {
      expect(zoneOffsetMinutes(winter, 'Europe/Berlin')).toBe(60);
      expect(zoneOffsetMinutes(summer, 'America/New_York')).toBe(-240);
      expect(zoneOffsetMinutes(summer, 'Europe/Berlin')).toBe(120);
      expect(zonedParts(winter, 'Asia/Kathmandu').hour).toBe(17);
      expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    }
  });

  it('keeps answering correctly past the formatter cache bound (zones spelled many ways)', () => {
    const summer = parseRfc3339('2026-07-15T12:00:00Z')!;
    // 300 distinct spellings of one zone (ICU matches names case-insensitively): more than the cache holds.
    // Bit k of i upper-cases the k-th letter of "europeberlin" (12 letters, so all 300 differ).
    const spellings = Array.from({ length: 300 }, (_, i) => {
      let k = 0;
      return [...'europe/berlin'].map((c) => (c === '/' ? c : (i >> k++) & 1 ? c.toUpperCase() : c)).join('');
    });
    const unique = [...new Set(spellings)];
    expect(unique).toHaveLength(300);
    for (const zone of unique) {
      expect(isValidTimeZone(zone)).toBe(true);
      expect(zoneOffsetMinutes(summer, zone)).toBe(120);
    }
    expect(zoneOffsetMinutes(summer, 'America/New_York')).toBe(-240);
  });
});
