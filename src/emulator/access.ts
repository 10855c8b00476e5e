import type { Actor } from './auth.js';
import type { Core } from './core.js';
import { forbidden, HttpError, notFound } from './http.js';
import { findOrg, repoKey, type State } from './state/state.js';
import type { Org, Repo, RepoPermission } from './state/types.js';

/** A level of repository access, weakest first. */
export type AccessLevel = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

const RANK: Record<RepoPermission | 'none', number> = {
  none: 0,
  pull: 1,
  triage: 2,
  push: 3,
  maintain: 4,
  admin: 5,
};
const NEEDED: Record<AccessLevel, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

function strongest(perms: Array<RepoPermission | 'none' | undefined>): RepoPermission | null {
  let best: RepoPermission | 'none' = 'none';
  for (const p of perms) if (p && RANK[p] > RANK[best]) best = p;
  return best === 'none' ? null : best;
}

/**
 * A user's effective permission on a repository: owner, org owner, direct collaborator, team grants
 * and the org's base permission, whichever is strongest (null: no access).
 */
export function userRepoPermission(state: State, repo: Repo, login: string): RepoPermission | null {
  const who = login.toLowerCase();
  if (repo.owner.toLowerCase() === who) return 'admin';
  const org = findOrg(state, repo.owner);
  const role = org?.members.get(who);
  const teams = [...state.teams.values()]
    .filter((t) => t.org.toLowerCase() === repo.owner.toLowerCase() && t.members.has(who))
    .map((t) => t.repos.get(repoKey(repo.owner, repo.name)));
  return strongest([
    role === 'admin' ? 'admin' : undefined,
    role ? org?.basePermission : undefined,
    repo.collaborators.get(who),
    ...teams,
  ]);
}

/** True when the permission reaches the level. */
export function permits(permission: RepoPermission | null, level: AccessLevel): boolean {
  return RANK[permission ?? 'none'] >= NEEDED[level];
}

function integrationError(): HttpError {
  return forbidden('Resource not accessible by integration');
}

/** Checks an installation token's permission (`read` for reads, `write` otherwise). */
export function checkInstallationPermission(actor: Actor, permission: string, level: AccessLevel): void {
  if (actor.kind !== 'installation' || permission === 'metadata') return;
  const granted = actor.permissions[permission];
  if (!granted || (level !== 'read' && granted !== 'write')) throw integrationError();
}

/**
 * Throws GitHub's answer when the actor may not act on the repository: 404 when it cannot see it,
 * 403 when it can see it but lacks the permission.
 */
export function checkRepoAccess(
  core: Core,
  actor: Actor,
  repo: Repo,
  need: { level: AccessLevel; permission: string },
): void {
  if (actor.kind === 'installation') {
    const inst = actor.installation;
    const visible =
      inst.account.toLowerCase() === repo.owner.toLowerCase() &&
      (inst.repositorySelection === 'all' || inst.repositoryIds.has(repo.id)) &&
      (!actor.repositoryIds || actor.repositoryIds.has(repo.id));
    if (!visible) throw notFound();
    checkInstallationPermission(actor, need.permission, need.level);
    return;
  }
  if (actor.kind === 'app') throw integrationError();
  const permission = actor.kind === 'user' ? userRepoPermission(core.state, repo, actor.login) : null;
  const canRead = permission !== null || !repo.private;
  if (!canRead) throw notFound();
  if (need.level === 'read' || permits(permission, need.level)) return;
  if (actor.kind === 'anonymous') throw new HttpError(401, { message: 'Requires authentication' });
  if (need.level === 'admin') throw forbidden('Must have admin rights to Repository.');
  throw notFound();
}

/** Throws unless the actor may read (or, with `write`, administer) the organization's members and teams. */
export function checkOrgAccess(core: Core, actor: Actor, org: Org, level: 'read' | 'write'): void {
  if (actor.kind === 'installation') {
    if (actor.installation.account.toLowerCase() !== org.login.toLowerCase()) throw notFound();
    checkInstallationPermission(actor, 'members', level === 'read' ? 'read' : 'write');
    return;
  }
  if (actor.kind === 'app') throw integrationError();
  const role = actor.kind === 'user' ? org.members.get(actor.login.toLowerCase()) : undefined;
  if (level === 'read' && role) return;
  if (level === 'write' && role === 'admin') return;
  if (!role) throw notFound();
  throw forbidden('You must be an organization owner or team maintainer to perform this action.');
}
