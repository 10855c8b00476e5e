import { parseRfc3339 } from './time/index.js';
import type { Grant } from './types.js';

export type GrantStatus = 'scheduled' | 'active' | 'expired';

/** When a grant starts and ends, in epoch milliseconds. `startsAt` is undefined when it starts on merge. */
export interface GrantWindow {
  startsAt: number | undefined;
  expiresAt: number;
}

/** Reads a grant's times; undefined when `expires` or `starts` is not a valid RFC 3339 time. */
export function grantWindow(grant: Pick<Grant, 'starts' | 'expires'>): GrantWindow | undefined {
  const expiresAt = parseRfc3339(grant.expires);
  const startsAt = grant.starts === undefined ? undefined : parseRfc3339(grant.starts);
  if (expiresAt === undefined || (grant.starts !== undefined && startsAt === undefined)) return undefined;
  return { startsAt, expiresAt };
}

/**
 * Where a grant stands at `now`: active from `starts` (inclusive) until `expires` (exclusive).
 * Expiry is to the millisecond: at exactly `expires` the grant is gone.
 */
export function grantStatus(window: GrantWindow, now: number): GrantStatus {
  if (now >= window.expiresAt) return 'expired';
  if (window.startsAt !== undefined && now < window.startsAt) return 'scheduled';
  return 'active';
}
