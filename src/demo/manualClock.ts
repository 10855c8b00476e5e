/** A clock the demo and the tests move by hand: grants of hours play out in seconds. */
export interface ManualClock {
  now: () => number;
  advance: (ms: number) => void;
  set: (epochMs: number) => void;
}

/** Starts at `start` (default: the wall clock) and moves only when told. */
export function manualClock(start = Date.now()): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
}

/** The wall clock, in the same shape (it cannot be moved): the sandbox and real-time benchmarks use it. */
export function systemClock(): ManualClock {
  const fixed = () => {
    throw new Error('grantops: the system clock cannot be moved; use manualClock() for a clock you control');
  };
  return { now: () => Date.now(), advance: fixed, set: fixed };
}
