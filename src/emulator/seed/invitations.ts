import { type Core } from '../core.js';
import { acceptOrgInvitation } from '../ops/membership.js';
import { acceptRepoInvitation } from '../routes/userInvitations.js';
import { findOrg } from '../state/state.js';
import { requireRepo } from './repos.js';

/** The invitee accepts a pending org invitation or repository invitation. */
export function acceptInvitation(
  core: Core,
  params: { login: string; org?: string; repo?: string },
): boolean {
  if (params.org) {
    const org = findOrg(core.state, params.org);
    return org ? acceptOrgInvitation(core, org, params.login) : false;
  }
  if (params.repo) {
    const repo = requireRepo(core, params.repo);
    const invitation = [...repo.invitations.values()].find(
      (i) => i.invitee.toLowerCase() === params.login.toLowerCase(),
    );
    if (!invitation) return false;
    acceptRepoInvitation(repo, invitation);
    return true;
  }
  return false;
}
