import type { Resource } from '../types.js';
import type { AccessLevel } from './accessLevel.js';
import { accessLevelFor } from './accessLevelFor.js';
import type { Member } from './member.js';

/**
 * The level a login holds permanently: the resource's default access (its first role) when the
 * login is listed in `standing`, else `none`. Logins compare case-insensitively, as on GitHub.
 */
export function standingLevelOf(resource: Resource, login: string): AccessLevel {
  const wanted = login.toLowerCase();
  const standing = (resource.standing ?? []).some((name) => name.toLowerCase() === wanted);
  return standing ? accessLevelFor(resource, undefined) : 'none';
}

/** The resource's declared standing members with the level each holds, for `findDrift`. */
export function standingMembersOf(resource: Resource): Member[] {
  return (resource.standing ?? []).map((grantee) => ({
    grantee,
    level: accessLevelFor(resource, undefined),
  }));
}
