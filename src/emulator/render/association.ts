import type { Core } from '../core.js';
import { findOrg } from '../state/state.js';
import type { Repo } from '../state/types.js';

/** GitHub's `author_association` of a login with a repository. */
export function authorAssociation(core: Core, repo: Repo, login: string): string {
  const who = login.toLowerCase();
  if (repo.owner.toLowerCase() === who) return 'OWNER';
  if (findOrg(core.state, repo.owner)?.members.has(who)) return 'MEMBER';
  if (repo.collaborators.has(who)) return 'COLLABORATOR';
  return 'NONE';
}
