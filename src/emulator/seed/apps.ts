import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { timestamp, type Core } from '../core.js';
import { emitEvent } from '../events/emit.js';
import { renderInstallation } from '../render/apps.js';
import { findApp, findOrg, findRepo, findUser, installationRepos } from '../state/state.js';
import type { App, Installation, PermissionLevel } from '../state/types.js';

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
