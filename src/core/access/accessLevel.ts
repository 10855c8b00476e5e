import type { ProviderName } from '../types.js';

/**
 * The access levels of each provider, weakest first. `pending` and `invited` mean an invitation was
 * sent and not yet accepted: more than nothing (someone asked for it), less than any real access.
 * Webhook levels are per role: `granted` means the external system reports this grantee with this role.
 */
export const ACCESS_LADDERS = {
  'github-team': ['none', 'pending', 'member', 'maintainer'],
  'github-repo': ['none', 'invited', 'pull', 'triage', 'push', 'maintain', 'admin'],
  environment: ['none', 'granted'],
  webhook: ['none', 'pending', 'granted'],
} as const satisfies Record<ProviderName, readonly string[]>;

export type TeamLevel = (typeof ACCESS_LADDERS)['github-team'][number];
export type RepoLevel = (typeof ACCESS_LADDERS)['github-repo'][number];
export type EnvironmentLevel = (typeof ACCESS_LADDERS)['environment'][number];
export type WebhookLevel = (typeof ACCESS_LADDERS)['webhook'][number];

/** Any provider's access level. Levels of different providers are never compared with each other. */
export type AccessLevel = TeamLevel | RepoLevel | EnvironmentLevel | WebhookLevel;

// One rank table serves every provider: within a ladder the ranks increase, and the waiting
// levels (an invitation sent) all rank 1.
const RANKS: Readonly<Record<AccessLevel, number>> = {
  none: 0,
  pending: 1,
  invited: 1,
  member: 2,
  maintainer: 3,
  pull: 2,
  triage: 3,
  push: 4,
  maintain: 5,
  admin: 6,
  granted: 2,
};

/** The rank of a level in its provider's ladder: 0 for none, 1 for an invitation, then upwards. */
export function rankOf(level: AccessLevel): number {
  return RANKS[level];
}

/** True for an invitation that was sent and not accepted yet. */
export function isWaiting(level: AccessLevel): boolean {
  return RANKS[level] === 1;
}

/** The stronger of the given levels (`none` for an empty list). */
export function highestLevel(levels: readonly AccessLevel[]): AccessLevel {
  let best: AccessLevel = 'none';
  for (const level of levels) if (RANKS[level] > RANKS[best]) best = level;
  return best;
}

/** The weakest real access of a provider (member, pull, granted): what an accepted invitation gives at least. */
export function lowestAccess(provider: ProviderName): AccessLevel {
  return ACCESS_LADDERS[provider].find((level) => RANKS[level] === 2) as AccessLevel;
}
