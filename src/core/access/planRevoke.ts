import type { ProviderName } from '../types.js';
import { highestLevel, isWaiting, lowestAccess, rankOf, type AccessLevel } from './accessLevel.js';
import type { RevokeChange, RevokeReason } from './plannedChange.js';
import { towardLevel } from './towardLevel.js';

/** Everything planRevoke needs to know about one grantee on one resource at expiry. */
export interface RevokeInput {
  provider: ProviderName;
  /** The grantee's access just before the grant was applied (recorded at apply time). */
  before: AccessLevel;
  /** The grantee's access now. */
  current: AccessLevel;
  /** The level the expiring grant gave. */
  granted: AccessLevel;
  mode: 'additive' | 'strict';
  /** The grantee's standing level (`standingLevelOf`), `none` when not a standing member. */
  standing: AccessLevel;
  /** Levels needed by the grantee's other active grants of the same resource. */
  otherActiveGrants: readonly AccessLevel[];
}

/**
 * What happens to a grantee's access when a grant expires. Never raises access.
 *
 * Additive (default): back to what the grantee had before the grant, or to the highest level another
 * active grant (or standing access) still needs; access someone raised above what was granted
 * meanwhile is left alone, since grantops did not grant it.
 *
 * Strict: down to the highest level active grants or standing access explain, whatever was there before.
 */
export function planRevoke(input: RevokeInput): RevokeChange {
  const { current } = input;
  const needed = highestLevel([...input.otherActiveGrants, input.standing]);
  if (input.mode === 'strict')
    return towardLevel<RevokeReason>({
      current,
      target: needed,
      reason: 'strict-target',
      keepReason: 'nothing-to-remove',
    });
  const previous = restorableLevel(input);
  const target = highestLevel([previous, needed]);
  if (rankOf(current) > rankOf(target) && rankOf(current) > rankOf(input.granted))
    return { action: 'none', level: current, reason: 'changed-by-others' };
  const reason = rankOf(needed) > rankOf(previous) ? 'still-needed' : 'restore-previous';
  return towardLevel<RevokeReason>({ current, target, reason, keepReason: 'nothing-to-remove' });
}

/**
 * The level additive mode gives back. An invitation pending before the grant cannot be restored once
 * accepted: it was someone's intent to give access, so the weakest real access stays.
 */
function restorableLevel(input: RevokeInput): AccessLevel {
  if (isWaiting(input.before) && rankOf(input.current) > rankOf(input.before))
    return lowestAccess(input.provider);
  return input.before;
}
