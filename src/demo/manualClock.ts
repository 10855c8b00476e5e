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
