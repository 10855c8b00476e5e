import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSweeper, type Sweeper } from '../../src/app/sweep/startSweeper.js';

let sweeper: Sweeper | undefined;
beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => {
  sweeper?.stop();
  vi.useRealTimers();
});

/** A sweep that records when it ran, takes `takesMs`, and reports `nextDueAt()`. */
function sweepSpy(options: { takesMs?: number; nextDueAt?: () => number | undefined } = {}) {
  const runs: number[] = [];
  let active = 0;
  let overlapped = false;
  const sweep = async () => {
    runs.push(Date.now());
    active++;
    if (active > 1) overlapped = true;
    await new Promise((resolve) => setTimeout(resolve, options.takesMs ?? 10));
    active--;
    return options.nextDueAt?.();
  };
  return { sweep, runs, overlapped: () => overlapped };
}

describe('startSweeper', () => {
  it('sweeps at once, then every interval, never two at once', async () => {
    const spy = sweepSpy({ takesMs: 1500 });
    sweeper = startSweeper({ sweep: spy.sweep, intervalMs: 1000, now: Date.now, onError: () => {} });
    await vi.advanceTimersByTimeAsync(3500);
    expect(spy.overlapped()).toBe(false);
    expect(spy.runs).toEqual([0, 2000]);
  });

  it('runs right after the next due instant the last sweep reported', async () => {
    const spy = sweepSpy({ nextDueAt: () => (Date.now() < 100 ? 4000 : undefined) });
    sweeper = startSweeper({
      sweep: spy.sweep,
      intervalMs: 60_000,
      now: Date.now,
      onError: () => {},
      graceMs: 250,
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(spy.runs).toEqual([0, 4250]);
  });

  it('runs right after an instant a handler asks for, even one asked during a sweep', async () => {
    // the repository holds a grant expiring at 3000 once the first sweep has read it
    const spy = sweepSpy({
      takesMs: 100,
      nextDueAt: () => (Date.now() > 1000 && Date.now() < 3000 ? 3000 : undefined),
    });
    sweeper = startSweeper({
      sweep: spy.sweep,
      intervalMs: 60_000,
      now: Date.now,
      onError: () => {},
      graceMs: 0,
    });
    sweeper.wakeAt(3000); // asked while the first sweep runs
    await vi.advanceTimersByTimeAsync(1000);
    sweeper.wakeAt(2000); // an earlier one replaces it
    await vi.advanceTimersByTimeAsync(5000);
    expect(spy.runs).toEqual([0, 2000, 3000]);
  });

  it('keeps going after a failing sweep', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    sweeper = startSweeper({
      sweep: async () => {
        calls++;
        throw new Error('GitHub is down');
      },
      intervalMs: 1000,
      now: Date.now,
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(2500);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
  });
});
