import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { timestamp, type Core } from '../core.js';
import { emitEvent } from '../events/emit.js';
import { renderInstallation } from '../render/apps.js';
import { findApp, findOrg, findRepo, findUser, installationRepos } from '../state/state.js';
import type { App, Installation, Org, PermissionLevel, RepoPermission, Team, User } from '../state/types.js';

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

/** A GitHub App to register. Its key pair is generated unless `privateKey` (PEM) is given. */
export interface AppSeed {
  slug: string;
  name?: string;
  id?: number;
  owner?: string;
  privateKey?: string;
  webhookSecret?: string;
  webhookUrl?: string;
  /** Default permissions for installations; all the ones grantops could use, `write`, when omitted. */
  permissions?: Record<string, PermissionLevel>;
  /** Subscribed events; all when omitted. */
  events?: string[];
}

export const DEFAULT_APP_PERMISSIONS: Record<string, PermissionLevel> = {
  actions: 'read',
  administration: 'write',
  checks: 'write',
  contents: 'write',
  deployments: 'write',
  issues: 'write',
  members: 'write',
  metadata: 'read',
  pull_requests: 'write',
  statuses: 'write',
};

export function seedApp(core: Core, seed: AppSeed): App {
  const privateKey =
    seed.privateKey ??
    generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
  const id = seed.id ?? core.state.nextId();
  const app: App = {
    id,
    slug: seed.slug,
    name: seed.name ?? seed.slug,
    owner: seed.owner ?? [...core.state.orgs.values()][0]?.login ?? 'github',
    clientId: `Iv1.${randomBytes(8).toString('hex')}`,
    privateKey,
    publicKey: createPublicKey(privateKey),
    webhookSecret: seed.webhookSecret ?? randomBytes(16).toString('hex'),
    webhookUrl: seed.webhookUrl ?? null,
    events: seed.events ?? null,
    permissions: seed.permissions ?? { ...DEFAULT_APP_PERMISSIONS },
    createdAt: timestamp(core),
  };
  core.state.apps.set(id, app);
  const bot = `${app.slug}[bot]`;
  core.state.users.set(bot.toLowerCase(), {
    id: core.state.nextId(),
    login: bot,
    type: 'Bot',
    name: bot,
    email: '',
    createdAt: app.createdAt,
  });
  return app;
}

/** Installs an App on an account (all repositories, or the named ones); sends `installation.created`. */
export interface InstallSeed {
  app: string | number;
  account: string;
  repositories?: 'all' | string[];
  permissions?: Record<string, PermissionLevel>;
  /** Who installed it (`sender`); the first org admin when omitted. */
  sender?: string;
}

export function seedInstallation(core: Core, seed: InstallSeed): Installation {
  const app = findApp(core.state, seed.app);
  if (!app) throw new Error(`emulator: no app ${String(seed.app)}; create it first`);
  const account = findUser(core.state, seed.account);
  if (!account) throw new Error(`emulator: no account ${seed.account}`);
  const selected = seed.repositories === undefined || seed.repositories === 'all' ? null : seed.repositories;
  const installation: Installation = {
    id: core.state.nextId(),
    appId: app.id,
    account: account.login,
    targetType: account.type === 'Organization' ? 'Organization' : 'User',
    repositorySelection: selected ? 'selected' : 'all',
    repositoryIds: new Set(
      (selected ?? []).map((name) => {
        const repo = findRepo(core.state, account.login, name);
        if (!repo) throw new Error(`emulator: no repository ${account.login}/${name}`);
        return repo.id;
      }),
    ),
    permissions: { ...(seed.permissions ?? app.permissions), metadata: 'read' },
    createdAt: timestamp(core),
  };
  core.state.installations.set(installation.id, installation);
  const org = findOrg(core.state, account.login);
  const sender =
    seed.sender ?? [...(org?.members ?? [])].find(([, r]) => r === 'admin')?.[0] ?? account.login;
  emitEvent(core, {
    event: 'installation',
    action: 'created',
    installation,
    sender,
    fields: {
      installation: renderInstallation(core, installation),
      repositories: installationRepos(core.state, installation).map((r) => ({
        id: r.id,
        node_id: Buffer.from(`010:Repository${r.id}`).toString('base64'),
        name: r.name,
        full_name: `${r.owner}/${r.name}`,
        private: r.private,
      })),
      requester: null,
    },
  });
  return installation;
}
