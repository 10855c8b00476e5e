import type { Core } from './core.js';
import { flattenTree, lookupPath } from './git/trees.js';
import { resolveRef } from './ops/refs.js';
import { requireOrg } from './seed/accounts.js';
import { requireRepo } from './seed/repos.js';
import { findTeam } from './state/state.js';
import type { Annotation, Review } from './state/types.js';

/** A pull request as tests look at it. */
export interface PullSnapshot {
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  headRef: string;
  headSha: string;
  baseRef: string;
  labels: string[];
  reviews: Review[];
}

/** A check run as tests look at it. */
export interface CheckRunSnapshot {
  id: number;
  appId: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations: Annotation[];
}

/** Reads a file at a ref (default branch when omitted); undefined when absent. */
export function readFile(
  core: Core,
  params: { repo: string; path: string; ref?: string },
): string | undefined {
  const repo = requireRepo(core, params.repo);
  const sha = resolveRef(repo, params.ref ?? repo.defaultBranch);
  const tree = sha ? repo.git.commit(sha)?.tree : undefined;
  const entry = tree ? lookupPath(repo.git, tree, params.path) : undefined;
  return entry?.type === 'blob' ? repo.git.blob(entry.sha)?.content.toString('utf8') : undefined;
}

/** Every file path at a ref (default branch when omitted). */
export function listFiles(core: Core, params: { repo: string; ref?: string }): string[] {
  const repo = requireRepo(core, params.repo);
  const sha = resolveRef(repo, params.ref ?? repo.defaultBranch);
  const tree = sha ? repo.git.commit(sha)?.tree : undefined;
  return tree ? [...flattenTree(repo.git, tree).keys()].sort() : [];
}

/** Pull requests of a repository, oldest first. */
export function pullSnapshots(core: Core, fullName: string): PullSnapshot[] {
  const repo = requireRepo(core, fullName);
  return [...repo.issues.values()].flatMap((i) =>
    i.pull
      ? [
          {
            number: i.number,
            title: i.title,
            body: i.body,
            user: i.user,
            state: i.state,
            merged: i.pull.merged,
            mergedBy: i.pull.mergedBy,
            mergeCommitSha: i.pull.mergeCommitSha,
            headRef: i.pull.headRef,
            headSha: i.pull.headSha,
            baseRef: i.pull.baseRef,
            labels: [...i.labels],
            reviews: i.pull.reviews.map((r) => ({ ...r })),
          },
        ]
      : [],
  );
}

/** Check runs of a repository (on one commit-ish when given), oldest first. */
export function checkRunSnapshots(core: Core, params: { repo: string; ref?: string }): CheckRunSnapshot[] {
  const repo = requireRepo(core, params.repo);
  const sha = params.ref ? resolveRef(repo, params.ref) : undefined;
  return [...repo.checkRuns.values()]
    .filter((r) => !params.ref || r.headSha === sha)
    .map((r) => ({
      id: r.id,
      appId: r.appId,
      name: r.name,
      headSha: r.headSha,
      status: r.status,
      conclusion: r.conclusion,
      title: r.output.title,
      summary: r.output.summary,
      text: r.output.text,
      annotations: [...r.output.annotations],
    }));
}

/** Active and pending members of a team with their roles. */
export function teamMembers(
  core: Core,
  params: { org: string; team: string },
): Array<{ login: string; role: string; state: 'active' | 'pending' }> {
  const team = findTeam(core.state, params.org, params.team);
  if (!team) throw new Error(`emulator: no team ${params.org}/${params.team}`);
  const name = (key: string): string => core.state.users.get(key)?.login ?? key;
  return [
    ...[...team.members].map(([key, role]) => ({ login: name(key), role, state: 'active' as const })),
    ...[...team.pending].map(([key, role]) => ({ login: name(key), role, state: 'pending' as const })),
  ];
}

/** Org members and pending invitations. */
export function orgMembers(
  core: Core,
  org: string,
): Array<{ login: string; role: string; state: 'active' | 'pending' }> {
  const found = requireOrg(core, org);
  const name = (key: string): string => core.state.users.get(key)?.login ?? key;
  return [
    ...[...found.members].map(([key, role]) => ({ login: name(key), role, state: 'active' as const })),
    ...[...found.invitations.values()].map((i) => ({
      login: i.login,
      role: i.role,
      state: 'pending' as const,
    })),
  ];
}

/** Direct collaborators and pending invitations of a repository. */
export function collaboratorList(
  core: Core,
  fullName: string,
): Array<{ login: string; permission: string; state: 'active' | 'pending' }> {
  const repo = requireRepo(core, fullName);
  const name = (key: string): string => core.state.users.get(key)?.login ?? key;
  return [
    ...[...repo.collaborators].map(([key, permission]) => ({
      login: name(key),
      permission,
      state: 'active' as const,
    })),
    ...[...repo.invitations.values()].map((i) => ({
      login: i.invitee,
      permission: i.permission,
      state: 'pending' as const,
    })),
  ];
}
