import { problemAt, type Problem, type SourceFile } from './problem.js';
import type { Grant, Resource } from './types.js';

/**
 * Tells whether a login is in a team (`@org/team`): true or false when known, undefined when it
 * cannot be known here (the offline CLI has no access to GitHub's team lists).
 */
export type Membership = (team: string, login: string) => boolean | undefined;

/** True when a principal entry is a team (`@org/team`) rather than a login. */
export function isTeam(principal: string): boolean {
  return principal.startsWith('@') && principal.includes('/');
}

/** Logins compare case-insensitively on GitHub. */
export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Whether a login matches a list of principals: 'yes', 'no', or 'unknown' when it is in none of
 * the listed logins and the membership of some listed team cannot be known.
 */
export function matchPrincipals(
  login: string,
  principals: readonly string[],
  membership: Membership | undefined,
): 'yes' | 'no' | 'unknown' {
  let unknown = false;
  for (const principal of principals) {
    if (!isTeam(principal)) {
      if (sameLogin(principal, login)) return 'yes';
      continue;
    }
    const member = membership?.(principal, login);
    if (member === true) return 'yes';
    if (member === undefined) unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}

/** The grantee must be one of the resource's `eligible` principals, when it lists any. */
export function checkEligibility(
  source: SourceFile<Grant>,
  resource: Resource,
  membership: Membership | undefined,
): Problem[] {
  if (!resource.eligible) return [];
  const { grantee, resource: name } = source.data;
  const match = matchPrincipals(grantee, resource.eligible, membership);
  if (match === 'yes') return [];
  const list = resource.eligible.join(', ');
  if (match === 'unknown') {
    const teams = resource.eligible.filter(isTeam).join(', ');
    return [
      problemAt(
        source,
        ['grantee'],
        'grant-eligibility-unknown',
        `cannot tell offline whether ${grantee} is in ${teams}; the App checks it on the pull request`,
        { severity: 'warning' },
      ),
    ];
  }
  return [
    problemAt(
      source,
      ['grantee'],
      'grant-not-eligible',
      `${grantee} is not eligible for ${name} (eligible: ${list})`,
    ),
  ];
}
