import type { App, Installation, Org, Repo, Team, TokenGrant, User } from './types.js';

/** The emulator's whole world, in memory. Keys of maps are lower case where GitHub is case-insensitive. */
export interface State {
  users: Map<string, User>;
  orgs: Map<string, Org>;
  teams: Map<number, Team>;
  /** `owner/name` (lower case) → repository */
  repos: Map<string, Repo>;
  apps: Map<number, App>;
  installations: Map<number, Installation>;
  tokens: Map<string, TokenGrant>;
  /** Short-lived tokens of codeload redirects: token → repository key and expiry. */
  codeloadTokens: Map<string, { repo: string; expiresAt: number }>;
  nextId: () => number;
}

/** An empty world whose ids count up from `firstId`. */
export function createState(firstId = 1000): State {
  let id = firstId;
  return {
    users: new Map(),
    orgs: new Map(),
    teams: new Map(),
    repos: new Map(),
    apps: new Map(),
    installations: new Map(),
    tokens: new Map(),
    codeloadTokens: new Map(),
    nextId: () => ++id,
  };
}

/** `owner/name` as a map key. */
export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

export function findUser(state: State, login: string): User | undefined {
  return state.users.get(login.toLowerCase());
}

export function findOrg(state: State, login: string): Org | undefined {
  return state.orgs.get(login.toLowerCase());
}

export function findRepo(state: State, owner: string, name: string): Repo | undefined {
  return state.repos.get(repoKey(owner, name));
}

export function findTeam(state: State, org: string, slug: string): Team | undefined {
  for (const team of state.teams.values())
    if (team.org.toLowerCase() === org.toLowerCase() && team.slug === slug.toLowerCase()) return team;
  return undefined;
}

export function findApp(state: State, idOrSlug: number | string): App | undefined {
  for (const app of state.apps.values()) if (app.id === Number(idOrSlug) || app.slug === idOrSlug) return app;
  return undefined;
}

/** Installations whose account owns the repository and whose selection includes it. */
export function installationsFor(state: State, repo: Repo): Installation[] {
  return [...state.installations.values()].filter(
    (i) =>
      i.account.toLowerCase() === repo.owner.toLowerCase() &&
      (i.repositorySelection === 'all' || i.repositoryIds.has(repo.id)),
  );
}

/** Repositories an installation can see. */
export function installationRepos(state: State, installation: Installation): Repo[] {
  return [...state.repos.values()].filter(
    (r) =>
      r.owner.toLowerCase() === installation.account.toLowerCase() &&
      (installation.repositorySelection === 'all' || installation.repositoryIds.has(r.id)),
  );
}

/** The `slug[bot]` login of an App's installation actor. */
export function botLogin(app: App): string {
  return `${app.slug}[bot]`;
}
