import { rankOf, type AccessLevel } from './accessLevel.js';
import type { KeepChange, RemoveChange, SetChange } from './plannedChange.js';

/**
 * The change that lowers `current` to `target`, or keeps it (with `keepReason`) when it is not above.
 * Never raises: revocation and drift correction only take away.
 */
export function towardLevel<R extends string>(params: {
  current: AccessLevel;
  target: AccessLevel;
  reason: R;
  keepReason: R;
}): KeepChange<R> | SetChange<R> | RemoveChange<R> {
  const { current, target, reason } = params;
  if (rankOf(current) <= rankOf(target)) return { action: 'none', level: current, reason: params.keepReason };
  if (rankOf(target) === 0) return { action: 'remove', from: current, reason };
  return { action: 'set', from: current, to: target, reason };
}
