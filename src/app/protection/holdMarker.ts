import { formatUtc } from '../../core/time/index.js';

/** How every hold report of grantops starts its hidden marker. */
export const HOLD_MARKER_PREFIX = '<!-- grantops:hold ';

/**
 * The hidden marker of a hold report: the environment and the end of the hold. A report with the
 * same marker in the run's review history means this hold was already announced.
 */
export function holdMarker(environment: string, until: number): string {
  return `${HOLD_MARKER_PREFIX}env=${encodeURIComponent(environment.toLowerCase())} until=${formatUtc(until)} -->`;
}
