import type { SourceFile } from '../problem.js';
import { parseRfc3339 } from '../time/index.js';
import type { Grant } from '../types.js';

/** Where one login stands: the grant that decides it, and the instant that matters. */
export type GrantStatus =
  | { kind: 'active'; grant: SourceFile<Grant>; expires: number; emergency: boolean }
  /** In force by its times, but grantops never applied this file (see GuardInput.verifiedGrantFiles). */
  | { kind: 'not_applied'; grant: SourceFile<Grant> }
  | { kind: 'not_started'; grant: SourceFile<Grant>; starts: number }
  | { kind: 'expired'; grant: SourceFile<Grant>; expires: number }
  | { kind: 'none' };

interface Timed {
  grant: SourceFile<Grant>;
  starts: number;
  expires: number;
}

/**
 * The grants of `login` for the given resources whose times are readable (an unreadable time
 * cannot prove access, so such a grant never counts: fail closed).
 */
function timedGrants(
  grants: readonly SourceFile<Grant>[],
  login: string,
  resources: ReadonlySet<string>,
): Timed[] {
  const timed: Timed[] = [];
  for (const grant of grants) {
    if (grant.data.grantee.toLowerCase() !== login.toLowerCase() || !resources.has(grant.data.resource))
      continue;
    const expires = parseRfc3339(grant.data.expires);
    const starts = grant.data.starts === undefined ? -Infinity : parseRfc3339(grant.data.starts);
    if (expires !== undefined && starts !== undefined) timed.push({ grant, starts, expires });
  }
  return timed;
}

/**
 * The grant files of `login` for the given resources that are in force at `now` by their times
 * (`starts <= now < expires`): the ones whose record the protection rule must check.
 */
export function grantsInForce(params: {
  grants: readonly SourceFile<Grant>[];
  login: string;
  resources: ReadonlySet<string>;
  now: number;
}): SourceFile<Grant>[] {
  const { now } = params;
  return timedGrants(params.grants, params.login, params.resources)
    .filter((t) => t.starts <= now && now < t.expires)
    .map((t) => t.grant);
}

/**
 * The best standing of a login among grants for the given resources: active beats not applied
 * beats not yet started beats expired beats none. Active means `starts <= now < expires`, to the
 * millisecond, and, when `verified` is given, a file grantops applied; a grant in force by its
 * times but missing from `verified` is `not_applied`. Among active grants an emergency one wins
 * (when its resource allows break-glass), then the latest expiry.
 */
export function grantStatus(params: {
  grants: readonly SourceFile<Grant>[];
  login: string;
  resources: ReadonlySet<string>;
  breakGlassResources: ReadonlySet<string>;
  now: number;
  /** The files grantops applied; undefined: every grant counts. */
  verified?: ReadonlySet<string>;
}): GrantStatus {
  const { now, verified } = params;
  const timed = timedGrants(params.grants, params.login, params.resources);
  const isEmergency = (t: Timed): boolean =>
    t.grant.data.emergency === true && params.breakGlassResources.has(t.grant.data.resource);
  const inForce = timed.filter((t) => t.starts <= now && now < t.expires);
  const active = inForce
    .filter((t) => verified === undefined || verified.has(t.grant.file))
    .sort((a, b) => Number(isEmergency(b)) - Number(isEmergency(a)) || b.expires - a.expires)[0];
  if (active)
    return { kind: 'active', grant: active.grant, expires: active.expires, emergency: isEmergency(active) };
  const unapplied = inForce[0];
  if (unapplied) return { kind: 'not_applied', grant: unapplied.grant };
  const scheduled = timed.filter((t) => now < t.starts).sort((a, b) => a.starts - b.starts)[0];
  if (scheduled) return { kind: 'not_started', grant: scheduled.grant, starts: scheduled.starts };
  const expired = timed.filter((t) => t.expires <= now).sort((a, b) => b.expires - a.expires)[0];
  if (expired) return { kind: 'expired', grant: expired.grant, expires: expired.expires };
  return { kind: 'none' };
}
