/** A running sweeper: stop it to clear its timers. */
export interface Sweeper {
  stop: () => void;
  /** Runs a sweep now (no overlap with a running one) and returns when it is done. */
  runNow: () => Promise<void>;
}

/**
 * Runs `sweep` every `intervalMs`, never two at once, and also right after the next due instant the
 * last sweep reported (an expiry, a start, a warning), so revocation lags `expires` by moments, not
 * by the interval. The interval stays as the backstop. A failing sweep is logged and the timer goes on.
 */
export function startSweeper(params: {
  sweep: () => Promise<number | undefined>;
  intervalMs: number;
  now: () => number;
  onError: (error: unknown) => void;
  /** How long after a due instant to run (GitHub and clocks are not exact). */
  graceMs?: number;
}): Sweeper {
  let running: Promise<void> | undefined;
  let dueTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const grace = params.graceMs ?? 250;
  const arm = (nextDueAt: number | undefined) => {
    if (dueTimer) clearTimeout(dueTimer);
    dueTimer = undefined;
    if (stopped || nextDueAt === undefined) return;
    const wait = nextDueAt - params.now() + grace;
    if (wait < params.intervalMs) dueTimer = setTimeout(() => void runNow(), Math.max(0, wait));
  };
  const runNow = (): Promise<void> => {
    if (running) return running;
    running = params
      .sweep()
      .then(arm, params.onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const interval = setInterval(() => void runNow(), params.intervalMs);
  void runNow();
  return {
    stop: () => {
      stopped = true;
      clearInterval(interval);
      if (dueTimer) clearTimeout(dueTimer);
    },
    runNow,
  };
}
