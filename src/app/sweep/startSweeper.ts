/** A running sweeper: stop it to clear its timers. */
export interface Sweeper {
  stop: () => void;
  /** Runs a sweep now (no overlap with a running one) and returns when it is done. */
  runNow: () => Promise<void>;
  /** Asks for a sweep just after `epochMs` (a grant applied on merge expires then). */
  wakeAt: (epochMs: number) => void;
}

/**
 * Runs `sweep` every `intervalMs`, never two at once, and also right after the next due instant:
 * the one the last sweep reported (an expiry, a start, a warning) or one a handler asked for with
 * `wakeAt`, whichever comes first. So revocation lags `expires` by moments, not by the interval;
 * the interval stays as the backstop. A failing sweep is logged and the timers go on.
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
  let timer: NodeJS.Timeout | undefined;
  let armedFor: number | undefined;
  let woken: number | undefined;
  let stopped = false;
  const grace = params.graceMs ?? 250;
  const arm = (dueAt: number | undefined) => {
    if (stopped || dueAt === undefined) return;
    if (armedFor !== undefined && armedFor <= dueAt) return;
    const wait = dueAt - params.now() + grace;
    if (wait >= params.intervalMs) return;
    if (timer) clearTimeout(timer);
    armedFor = dueAt;
    timer = setTimeout(
      () => {
        timer = undefined;
        armedFor = undefined;
        void runNow();
      },
      Math.max(0, wait),
    );
  };
  const runNow = (): Promise<void> => {
    if (running) return running;
    const startedAt = params.now();
    running = params
      .sweep()
      .then((nextDueAt) => {
        // A wake-up for an instant this sweep already passed was served by it; a later one waits.
        if (woken !== undefined && woken <= startedAt) woken = undefined;
        arm(nextDueAt);
        arm(woken);
      }, params.onError)
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
      if (timer) clearTimeout(timer);
    },
    runNow,
    wakeAt: (epochMs) => {
      woken = woken === undefined ? epochMs : Math.min(woken, epochMs);
      if (!running) arm(woken);
    },
  };
}
