import type { SourceFile } from '../problem.js';
import { parseRfc3339 } from '../time/index.js';
import type { Grant } from '../types.js';

/** Where one login stands: the grant that decides it, and the instant that matters. */
export type GrantStatus =
  | { kind: 'active'; grant: SourceFile<Grant>; expires: number; emergency: boolean }
  | { kind: 'not_started'; grant: SourceFile<Grant>; starts: number }
  | { kind: 'expired'; grant: SourceFile<Grant>; expires: number }
  | { kind: 'none' };

interface Timed {
  grant: SourceFile<Grant>;
  starts: number;
  expires: number;
}

/**
 * The best standing of a login among grants for the given resources: active beats not yet started
 * beats expired beats none. Active means `starts <= now < expires`, to the millisecond. Among
 * active grants an emergency one wins (when its resource allows break-glass), then the latest expiry.
 */
export function grantStatus(params: {
  grants: readonly SourceFile<Grant>[];
  login: string;
  resources: ReadonlySet<string>;
  breakGlassResources: ReadonlySet<string>;
  now: number;
}): GrantStatus {
  const { now } = params;
  const login = params.login.toLowerCase();
  const timed: Timed[] = [];
  for (const grant of params.grants) {
    if (grant.data.grantee.toLowerCase() !== login || !params.resources.has(grant.data.resource)) continue;
    const expires = parseRfc3339(grant.data.expires);
    const starts = grant.data.starts === undefined ? -Infinity : parseRfc3339(grant.data.starts);
    // Unreadable times cannot prove access: such a grant never counts (fail closed).
    if (expires !== undefined && starts !== undefined) timed.push({ grant, starts, expires });
  }
  const isEmergency = (t: Timed): boolean =>
    t.grant.data.emergency === true && params.breakGlassResources.has(t.grant.data.resource);
  const active = timed
    .filter((t) => t.starts <= now && now < t.expires)
    .sort((a, b) => Number(isEmergency(b)) - Number(isEmergency(a)) || b.expires - a.expires)[0];
  if (active)
    return { kind: 'active', grant: active.grant, expires: active.expires, emergency: isEmergency(active) };
  const scheduled = timed.filter((t) => now < t.starts).sort((a, b) => a.starts - b.starts)[0];
  if (scheduled) return { kind: 'not_started', grant: scheduled.grant, starts: scheduled.starts };
  const expired = timed.filter((t) => t.expires <= now).sort((a, b) => b.expires - a.expires)[0];
  if (expired) return { kind: 'expired', grant: expired.grant, expires: expired.expires };
  return { kind: 'none' };
}
