import { describe, expect, it } from 'vitest';
import {
  activeFreeze,
  compileFreezeWindow,
  decideGuardrails,
  type RuleOutcome,
} from '../../../src/core/guardrails/index.js';
import { formatUtc, type FreezeWindow } from '../../../src/core/index.js';
import { at, guardInput, policyFile } from './fixtures.js';

const weekly = (from: string, to: string, timezone?: string): FreezeWindow => ({
  name: 'w',
  from,
  to,
  ...(timezone ? { timezone } : {}),
});

/** When the environment is free again (RFC 3339 UTC), or 'free' when no window is active. */
function freeAgain(windows: FreezeWindow[], now: string, defaultZone?: string): string {
  const freeze = activeFreeze({ windows, at: at(now), ...(defaultZone ? { defaultZone } : {}) });
  return freeze ? formatUtc(freeze.end) : 'free';
}

describe('weekly freeze windows', () => {
  const weekend = weekly('Fri 16:00', 'Mon 08:00', 'Europe/Berlin');
  const weekendNy = weekly('Fri 17:00', 'Mon 09:00', 'America/New_York');
  it.each([
    // Berlin in winter (UTC+1): Fri 2026-11-27 16:00 = 15:00Z, Mon 2026-11-30 08:00 = 07:00Z.
    ['before the weekend', weekend, '2026-11-27T14:59:59Z', 'free'],
    ['at its start', weekend, '2026-11-27T15:00:00Z', '2026-11-30T07:00:00Z'],
    ['on Sunday', weekend, '2026-11-29T12:00:00Z', '2026-11-30T07:00:00Z'],
    ['a second before its end', weekend, '2026-11-30T06:59:59Z', '2026-11-30T07:00:00Z'],
    ['at its end', weekend, '2026-11-30T07:00:00Z', 'free'],
    ['mid-week', weekend, '2026-11-25T12:00:00Z', 'free'],
    // Berlin spring forward, Sun 2026-03-29 02:00 CET -> 03:00 CEST: Monday 08:00 is 06:00Z, not 07:00Z.
    ['Berlin spring: starts in winter time', weekend, '2026-03-27T15:00:00Z', '2026-03-30T06:00:00Z'],
    [
      'Berlin spring: still frozen before Mon 08:00 CEST',
      weekend,
      '2026-03-30T05:59:59Z',
      '2026-03-30T06:00:00Z',
    ],
    ['Berlin spring: free at Mon 08:00 CEST', weekend, '2026-03-30T06:00:00Z', 'free'],
    // Berlin fall back, Sun 2026-10-25 03:00 CEST -> 02:00 CET: Friday 16:00 is 14:00Z, Monday 08:00 is 07:00Z.
    ['Berlin autumn: starts in summer time', weekend, '2026-10-23T14:00:00Z', '2026-10-26T07:00:00Z'],
    ['Berlin autumn: still frozen at 07:59 CET', weekend, '2026-10-26T06:59:59Z', '2026-10-26T07:00:00Z'],
    ['Berlin autumn: free at Mon 08:00 CET', weekend, '2026-10-26T07:00:00Z', 'free'],
    // New York spring forward, Sun 2026-03-08 02:00 EST -> 03:00 EDT.
    ['New York spring: Fri 17:00 EST', weekendNy, '2026-03-06T22:00:00Z', '2026-03-09T13:00:00Z'],
    ['New York spring: free at Mon 09:00 EDT', weekendNy, '2026-03-09T13:00:00Z', 'free'],
    // New York fall back, Sun 2026-11-01 02:00 EDT -> 01:00 EST.
    ['New York autumn: Fri 17:00 EDT', weekendNy, '2026-10-30T21:00:00Z', '2026-11-02T14:00:00Z'],
    ['New York autumn: frozen at Mon 08:59 EST', weekendNy, '2026-11-02T13:59:59Z', '2026-11-02T14:00:00Z'],
    ['New York autumn: free at Mon 09:00 EST', weekendNy, '2026-11-02T14:00:00Z', 'free'],
  ])('%s', (_name, window, now, expected) => {
    expect(freeAgain([window], now)).toBe(expected);
  });

  it.each([
    // An edge in the skipped hour falls after the jump by the same distance (as iCalendar reads it).
    [
      'Berlin: end in the skipped hour, at 03:00 CEST',
      weekly('Sat 22:00', 'Sun 02:30', 'Europe/Berlin'),
      '2026-03-29T01:00:00Z',
      '2026-03-29T01:30:00Z',
    ],
    [
      'Berlin: end in the skipped hour, at 03:30 CEST',
      weekly('Sat 22:00', 'Sun 02:30', 'Europe/Berlin'),
      '2026-03-29T01:30:00Z',
      'free',
    ],
    [
      'Berlin: start in the skipped hour, at 03:15 CEST',
      weekly('Sun 02:30', 'Sun 05:00', 'Europe/Berlin'),
      '2026-03-29T01:15:00Z',
      'free',
    ],
    [
      'Berlin: start in the skipped hour, at 03:30 CEST',
      weekly('Sun 02:30', 'Sun 05:00', 'Europe/Berlin'),
      '2026-03-29T01:30:00Z',
      '2026-03-29T03:00:00Z',
    ],
    [
      'New York: end in the skipped hour',
      weekly('Sat 20:00', 'Sun 02:30', 'America/New_York'),
      '2026-03-08T07:00:00Z',
      '2026-03-08T07:30:00Z',
    ],
    [
      'New York: after the shifted end',
      weekly('Sat 20:00', 'Sun 02:30', 'America/New_York'),
      '2026-03-08T07:30:00Z',
      'free',
    ],
    // An edge in the repeated hour is its first occurrence, and the window does not flap back on.
    [
      'Berlin: end at the first 02:30 CEST',
      weekly('Sat 22:00', 'Sun 02:30', 'Europe/Berlin'),
      '2026-10-25T00:29:59Z',
      '2026-10-25T00:30:00Z',
    ],
    [
      'Berlin: second 02:15 (CET) stays free',
      weekly('Sat 22:00', 'Sun 02:30', 'Europe/Berlin'),
      '2026-10-25T01:15:00Z',
      'free',
    ],
    [
      'New York: start at the first 01:30 EDT',
      weekly('Sun 01:30', 'Sun 03:00', 'America/New_York'),
      '2026-11-01T05:30:00Z',
      '2026-11-01T08:00:00Z',
    ],
    [
      'New York: second 01:15 (EST) stays frozen',
      weekly('Sun 01:30', 'Sun 03:00', 'America/New_York'),
      '2026-11-01T06:15:00Z',
      '2026-11-01T08:00:00Z',
    ],
    [
      'New York: before the first 01:30 EDT',
      weekly('Sun 01:30', 'Sun 03:00', 'America/New_York'),
      '2026-11-01T05:29:59Z',
      'free',
    ],
  ])('DST edge — %s', (_name, window, now, expected) => {
    expect(freeAgain([window], now)).toBe(expected);
  });

  it.each([
    // 2026-11-25 is a Wednesday.
    ['spanning midnight, before', weekly('Wed 22:00', 'Thu 06:00'), '2026-11-25T21:59:00Z', 'free'],
    [
      'spanning midnight, late evening',
      weekly('Wed 22:00', 'Thu 06:00'),
      '2026-11-25T23:00:00Z',
      '2026-11-26T06:00:00Z',
    ],
    [
      'spanning midnight, after midnight',
      weekly('Wed 22:00', 'Thu 06:00'),
      '2026-11-26T05:00:00Z',
      '2026-11-26T06:00:00Z',
    ],
    ['within one day', weekly('Wed 10:00', 'Wed 14:00'), '2026-11-25T12:00:00Z', '2026-11-25T14:00:00Z'],
    ['almost a whole week, in the gap', weekly('Wed 14:00', 'Wed 10:00'), '2026-11-25T12:00:00Z', 'free'],
    [
      'almost a whole week, inside',
      weekly('Wed 14:00', 'Wed 10:00'),
      '2026-11-25T15:00:00Z',
      '2026-12-02T10:00:00Z',
    ],
    [
      'across the week boundary, Sunday night',
      weekly('Sun 22:00', 'Mon 06:00'),
      '2026-11-29T23:00:00Z',
      '2026-11-30T06:00:00Z',
    ],
    [
      'across the week boundary, Monday morning',
      weekly('Sun 22:00', 'Mon 06:00'),
      '2026-11-30T05:59:59Z',
      '2026-11-30T06:00:00Z',
    ],
    [
      'across the week boundary, Saturday to Monday',
      weekly('Sat 00:00', 'Mon 00:00'),
      '2026-11-29T12:00:00Z',
      '2026-11-30T00:00:00Z',
    ],
    [
      'across the week boundary, Monday noon',
      weekly('Sat 00:00', 'Mon 00:00'),
      '2026-11-30T12:00:00Z',
      'free',
    ],
    [
      'lower-case day names and spaces',
      weekly(' sat  00:00', 'MON 0:00 '),
      '2026-11-29T12:00:00Z',
      '2026-11-30T00:00:00Z',
    ],
  ])('%s', (_name, window, now, expected) => {
    expect(freeAgain([window], now)).toBe(expected);
  });

  it('uses the default zone, else UTC', () => {
    const window = weekly('Wed 12:30', 'Wed 13:30');
    expect(freeAgain([window], '2026-11-25T12:00:00Z')).toBe('free');
    expect(freeAgain([window], '2026-11-25T12:00:00Z', 'Asia/Kolkata')).toBe('free');
    expect(freeAgain([window], '2026-11-25T07:00:00Z', 'Asia/Kolkata')).toBe('2026-11-25T08:00:00Z');
  });
});

describe('one-off freeze windows', () => {
  const yearEnd: FreezeWindow = {
    name: 'year-end',
    from: '2026-12-22T00:00:00',
    to: '2027-01-04T00:00:00',
    timezone: 'Europe/Berlin',
  };
  it.each([
    ['before, in local time', [yearEnd], '2026-12-21T22:59:59Z', 'free'],
    ['at its start (midnight Berlin)', [yearEnd], '2026-12-21T23:00:00Z', '2027-01-03T23:00:00Z'],
    ['at its end', [yearEnd], '2027-01-03T23:00:00Z', 'free'],
    [
      'across a DST change',
      [{ name: 'x', from: '2026-03-28T12:00', to: '2026-03-30 12:00', timezone: 'Europe/Berlin' }],
      '2026-03-30T09:59:59Z',
      '2026-03-30T10:00:00Z',
    ],
    [
      'with explicit offsets',
      [{ name: 'x', from: '2026-11-25T00:00:00Z', to: '2026-11-26T00:00:00+01:00' }],
      '2026-11-25T12:00:00Z',
      '2026-11-25T23:00:00Z',
    ],
  ])('%s', (_name, windows, now, expected) => {
    expect(freeAgain(windows, now)).toBe(expected);
  });
});

describe('activeFreeze', () => {
  const weekend = weekly('Fri 16:00', 'Mon 08:00', 'Europe/Berlin');
  it('follows windows that touch or overlap to the end of the last one', () => {
    const after = {
      name: 'after',
      from: '2026-11-30T08:00:00',
      to: '2026-11-30T12:00:00',
      timezone: 'Europe/Berlin',
    };
    const overlapping = { name: 'o', from: '2026-11-30T11:00:00Z', to: '2026-11-30T15:00:00Z' };
    expect(freeAgain([weekend, after], '2026-11-28T12:00:00Z')).toBe('2026-11-30T11:00:00Z');
    expect(freeAgain([weekend, after, overlapping], '2026-11-28T12:00:00Z')).toBe('2026-11-30T15:00:00Z');
  });

  it('lists every window active at the instant, and ignores invalid ones', () => {
    const sunday = weekly('Sun 00:00', 'Sun 23:00', 'UTC');
    const freeze = activeFreeze({
      windows: [weekly('x', 'y'), weekend, sunday],
      at: at('2026-11-29T12:00:00Z'),
    });
    expect(freeze?.windows.map((w) => [w.index, formatUtc(w.start), formatUtc(w.end), w.zone])).toEqual([
      [1, '2026-11-27T15:00:00Z', '2026-11-30T07:00:00Z', 'Europe/Berlin'],
      [2, '2026-11-29T00:00:00Z', '2026-11-29T23:00:00Z', 'UTC'],
    ]);
  });

  it('stops following windows that together never end, at a later instant that is still frozen', () => {
    const windows = [weekly('Mon 00:00', 'Thu 00:00'), weekly('Wed 00:00', 'Mon 00:00')];
    const now = at('2026-11-25T12:00:00Z');
    const freeze = activeFreeze({ windows, at: now });
    expect(freeze?.end).toBeGreaterThan(now + 100 * 86_400_000);
    expect(activeFreeze({ windows, at: freeze?.end ?? 0 })).toBeDefined();
  });
});

describe('compileFreezeWindow', () => {
  it.each([
    [weekly('Fri 16:00', 'Fri 16:00'), '`from` and `to` are the same time'],
    [weekly('Fri 16:00', '2026-12-22T00:00:00'), 'must both be weekly times'],
    [weekly('Friday 16:00', 'Mon 08:00'), 'must both be weekly times'],
    [weekly('Mon 24:00', 'Tue 08:00'), 'must both be weekly times'],
    [weekly('2026-02-30T00:00:00', '2026-03-01T00:00:00'), 'must both be weekly times'],
    [weekly('2026-12-22T00:00:00', '2026-12-21T00:00:00'), '`to` must be after `from`'],
    [weekly('2026-12-22T00:00:00', '2026-12-22T00:00:00'), '`to` must be after `from`'],
    [weekly('Fri 16:00', 'Mon 08:00', 'Mars/Olympus'), 'unknown time zone `Mars/Olympus`'],
  ])('%j is invalid: %s', (window, error) => {
    const compiled = compileFreezeWindow(window);
    expect('error' in compiled && compiled.error).toContain(error);
  });
});

const freezeRows = (windows: FreezeWindow[], now: string, timezone?: string): RuleOutcome[] => {
  const policy = policyFile(
    { production: { freeze: windows } },
    {
      lines: {
        'guardrails.production.freeze': 30,
        'guardrails.production.freeze.0': 31,
        'guardrails.production.freeze.1': 32,
      },
      extra: { defaults: timezone ? { timezone } : {} },
    },
  );
  return decideGuardrails(guardInput({ policy, now: at(now) })).rules.filter((r) => r.rule === 'freeze');
};

describe('freeze rule', () => {
  const weekend: FreezeWindow = {
    name: 'weekend',
    from: 'Fri 16:00',
    to: 'Mon 08:00',
    timezone: 'Europe/Berlin',
  };

  it('blocks with the window, its end and the local time', () => {
    expect(freezeRows([weekly('Wed 00:00', 'Wed 01:00'), weekend], '2026-11-28T12:00:00Z')).toEqual([
      {
        rule: 'freeze',
        mode: 'enforce',
        outcome: 'fail',
        code: 'freeze_active',
        message:
          'production is frozen by `weekend` (Fri 16:00 to Mon 08:00 Europe/Berlin) until 2026-11-30T07:00:00Z (Mon 2026-11-30 08:00 Europe/Berlin): deploy after it ends, or change guardrails.production.freeze in access.yml',
        file: 'access.yml',
        line: 32,
        col: 3,
        times: { utc: '2026-11-28T12:00:00Z', local: '2026-11-28T13:00:00+01:00', zone: 'Europe/Berlin' },
        until: '2026-11-30T07:00:00Z',
      },
    ]);
  });

  it('names every active window', () => {
    const [row] = freezeRows(
      [weekend, { ...weekly('Sat 00:00', 'Sun 00:00'), name: 'saturday' }],
      '2026-11-28T12:00:00Z',
    );
    expect(row?.message).toContain(
      '`weekend` (Fri 16:00 to Mon 08:00 Europe/Berlin) and `saturday` (Sat 00:00 to Sun 00:00 UTC)',
    );
  });

  it('passes outside the windows, showing local time in the default zone', () => {
    expect(freezeRows([weekend], '2026-11-25T12:00:00Z', 'America/New_York')).toEqual([
      {
        rule: 'freeze',
        mode: 'enforce',
        outcome: 'pass',
        code: 'freeze_inactive',
        message: 'no freeze window of production is active',
        file: 'access.yml',
        line: 30,
        col: 3,
        times: { utc: '2026-11-25T12:00:00Z', local: '2026-11-25T07:00:00-05:00', zone: 'America/New_York' },
      },
    ]);
  });

  it('fails closed on an invalid window, and still checks the others', () => {
    const rows = freezeRows([weekly('Fri 16:00', 'Fri 16:00'), weekend], '2026-11-28T12:00:00Z');
    expect(rows.map((r) => [r.code, r.line])).toEqual([
      ['policy_invalid', 31],
      ['freeze_active', 32],
    ]);
    expect(rows[0]?.message).toBe(
      'freeze window `w` of production: `from` and `to` are the same time, which makes the window empty or endless; fix it in access.yml',
    );
  });

  it('reports a window without a zone when the default zone is unknown, and shows UTC', () => {
    const rows = freezeRows([weekly('Wed 00:00', 'Wed 01:00')], '2026-11-25T12:00:00Z', 'Nowhere/Land');
    expect(rows.map((r) => [r.code, r.times?.zone])).toEqual([
      ['policy_invalid', undefined],
      ['freeze_inactive', 'UTC'],
    ]);
  });

  it('adds no row without windows', () => {
    expect(freezeRows([], '2026-11-28T12:00:00Z')).toEqual([]);
  });
});
