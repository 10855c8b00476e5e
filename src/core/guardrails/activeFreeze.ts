import type { FreezeWindow } from '../types.js';
import { compileFreezeWindow, type CompiledFreezeWindow, type FreezeSpan } from './compileFreezeWindow.js';

/** A freeze window active at the asked instant. */
export interface ActiveWindow extends FreezeSpan {
  window: FreezeWindow;
  /** Its index in the guardrail's `freeze` list. */
  index: number;
  zone: string;
}

/** The freeze in force at an instant. */
export interface ActiveFreeze {
  /** Every window active at the instant, in policy order. */
  windows: ActiveWindow[];
  /**
   * When the environment is free again: windows that overlap or touch are followed one into the next
   * (a weekend window running into a year-end window ends when the year-end window does).
   */
  end: number;
}

/** Bounds the walk through overlapping windows (weekly windows could, together, cover every hour). */
const MAX_CHAIN = 100;

function activeWindows(
  compiled: readonly (CompiledFreezeWindow & { index: number })[],
  at: number,
): ActiveWindow[] {
  return compiled.flatMap((c) => {
    const span = c.activeAt(at);
    return span ? [{ ...span, window: c.window, index: c.index, zone: c.zone }] : [];
  });
}

/**
 * Which freeze windows are active at `at` and when the environment is free again, or undefined when
 * no window is active. Invalid windows are ignored here (the freeze rule reports them). The App uses
 * `end` to know when a held deployment can be approved; if windows keep chaining past 100 hops, `end`
 * is the instant reached, and asking again then gives the next answer.
 */
export function activeFreeze(params: {
  windows: readonly FreezeWindow[];
  defaultZone?: string;
  at: number;
}): ActiveFreeze | undefined {
  const compiled = params.windows.flatMap((window, index) => {
    const c = compileFreezeWindow(window, params.defaultZone);
    return 'error' in c ? [] : [{ ...c, index }];
  });
  const windows = activeWindows(compiled, params.at);
  if (windows.length === 0) return undefined;
  let end = Math.max(...windows.map((w) => w.end));
  for (let hop = 0; hop < MAX_CHAIN; hop++) {
    const next = activeWindows(compiled, end);
    if (next.length === 0) break;
    end = Math.max(...next.map((w) => w.end));
  }
  return { windows, end };
}
