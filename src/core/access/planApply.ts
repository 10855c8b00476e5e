import { rankOf, type AccessLevel } from './accessLevel.js';
import type { ApplyChange } from './plannedChange.js';

/**
 * What applying a grant does, given the grantee's access `before` it and the `desired` level.
 * Nothing when the grantee already has at least that level: applying never downgrades. An invitation
 * that is still pending is not access, so it is (re)sent at the desired level.
 */
export function planApply(params: { before: AccessLevel; desired: AccessLevel }): ApplyChange {
  const { before, desired } = params;
  if (rankOf(before) >= rankOf(desired))
    return { action: 'none', level: before, reason: 'already-has-access' };
  return { action: 'set', from: before, to: desired, reason: 'grant' };
}
