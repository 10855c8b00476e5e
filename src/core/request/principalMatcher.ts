import { isTeam, sameLogin, type Membership } from '../checkEligibility.js';

/**
 * Whether a login is one of a list of CODEOWNERS owners: `@user` directly, `@org/team` through
 * the team's current members. Email owners cannot be matched to a login and never match.
 */
export function isOwner(login: string, owners: readonly string[], membership: Membership): boolean {
  return owners.some((owner) => {
    if (isTeam(owner)) return membership(owner, login) === true;
    if (owner.startsWith('@')) return sameLogin(owner.slice(1), login);
    return false;
  });
}
