import { randomBytes } from 'node:crypto';
import { timestamp, type Core } from '../core.js';
import { findOrg, findUser } from '../state/state.js';
import type { Org, RepoPermission, Team, User } from '../state/types.js';

/** A user to create; `token` is generated when omitted. */
export interface UserSeed {
  login: string;
  name?: string;
  email?: string;
  token?: string;
}

/** Creates a user with a personal access token; returns the user and the token. */
export function seedUser(core: Core, seed: UserSeed): { user: User; token: string } {
  if (findUser(core.state, seed.login)) throw new Error(`emulator: user ${seed.login} already exists`);
  const user: User = {
    id: core.state.nextId(),
    login: seed.login,
    type: 'User',
    name: seed.name ?? seed.login,
    email: seed.email ?? '',
    createdAt: timestamp(core),
  };
  core.state.users.set(seed.login.toLowerCase(), user);
  const token = seed.token ?? `ghp_${randomBytes(18).toString('hex')}`;
  core.state.tokens.set(token, { kind: 'user', login: user.login });
  return { user, token };
}

/** An organization to create. */
export interface OrgSeed {
  login: string;
  name?: string;
  /** What members may do on every repository (GitHub's base permission); default `push`. */
  basePermission?: RepoPermission | 'none';
  /** Existing users to add: login → role. */
  members?: Record<string, 'admin' | 'member'>;
}

export function seedOrg(core: Core, seed: OrgSeed): Org {
  if (findUser(core.state, seed.login)) throw new Error(`emulator: account ${seed.login} already exists`);
  const id = core.state.nextId();
  core.state.users.set(seed.login.toLowerCase(), {
    id,
    login: seed.login,
    type: 'Organization',
    name: seed.name ?? seed.login,
    email: '',
    createdAt: timestamp(core),
  });
  const org: Org = {
    id,
    login: seed.login,
    name: seed.name ?? seed.login,
    members: new Map(),
    invitations: new Map(),
    basePermission: seed.basePermission ?? 'push',
    createdAt: timestamp(core),
  };
  core.state.orgs.set(seed.login.toLowerCase(), org);
  for (const [login, role] of Object.entries(seed.members ?? {}))
    org.members.set(requireUser(core, login).login.toLowerCase(), role);
  return org;
}

export function requireUser(core: Core, login: string): User {
  const user = findUser(core.state, login);
  if (!user) throw new Error(`emulator: no user ${login}; create it first`);
  return user;
}

export function requireOrg(core: Core, login: string): Org {
  const org = findOrg(core.state, login);
  if (!org) throw new Error(`emulator: no organization ${login}; create it first`);
  return org;
}

/** A team to create in an org; members and maintainers must be org members (else they are pending). */
export interface TeamSeed {
  org: string;
  slug: string;
  name?: string;
  description?: string;
  privacy?: 'closed' | 'secret';
  members?: string[];
  maintainers?: string[];
  /** Repository name (in the org) → permission the team grants. */
  repos?: Record<string, RepoPermission>;
}

export function seedTeam(core: Core, seed: TeamSeed): Team {
  const org = requireOrg(core, seed.org);
  const team: Team = {
    id: core.state.nextId(),
    org: org.login,
    slug: seed.slug.toLowerCase(),
    name: seed.name ?? seed.slug,
    description: seed.description ?? null,
    privacy: seed.privacy ?? 'closed',
    members: new Map(),
    pending: new Map(),
    repos: new Map(
      Object.entries(seed.repos ?? {}).map(([name, perm]) => [`${org.login}/${name}`.toLowerCase(), perm]),
    ),
    createdAt: timestamp(core),
  };
  const add = (login: string, role: 'member' | 'maintainer'): void => {
    const key = requireUser(core, login).login.toLowerCase();
    (org.members.has(key) ? team.members : team.pending).set(key, role);
  };
  for (const login of seed.members ?? []) add(login, 'member');
  for (const login of seed.maintainers ?? []) add(login, 'maintainer');
  core.state.teams.set(team.id, team);
  return team;
}
