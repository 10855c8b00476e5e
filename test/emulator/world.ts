import { generateKeyPairSync } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';

let sharedKey: string | undefined;

/** One RSA key per test process: generating one per App is the slowest part of a test. */
export function appPrivateKey(): string {
  sharedKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();
  return sharedKey;
}

/** Octokit logs failed requests; the tests expect failures, so keep the output quiet. */
export const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A seeded emulator: org `acme`, users, a grants repo and Octokit clients per user. */
export interface World {
  gh: Emulator;
  as: (login: 'alice' | 'bob' | 'carol' | 'dave') => Octokit;
  anonymous: Octokit;
  repo: { owner: string; repo: string };
  tokens: Record<string, string>;
}

/** alice: org admin · bob, carol: members · dave: not in the org. Repo acme/access (private). */
export async function seedWorld(options: EmulatorOptions = {}): Promise<World> {
  const gh = await startEmulator(options);
  const tokens: Record<string, string> = {};
  for (const login of ['alice', 'bob', 'carol', 'dave'])
    tokens[login] = gh.createUser({ login, name: login.toUpperCase() }).token;
  gh.createOrg({ login: 'acme', members: { alice: 'admin', bob: 'member', carol: 'member' } });
  gh.createRepo({
    owner: 'acme',
    name: 'access',
    files: {
      'access.yml': 'version: 1\nresources: {}\n',
      '.github/CODEOWNERS': '* @acme/sre\n',
      'grants/prod-db/.keep': '',
    },
  });
  const as = (login: string): Octokit => new Octokit({ baseUrl: gh.url, auth: tokens[login], log: silent });
  return {
    gh,
    as,
    anonymous: new Octokit({ baseUrl: gh.url, log: silent }),
    repo: { owner: 'acme', repo: 'access' },
    tokens,
  };
}

/** A world with the grantops App installed on acme and a webhook receiver standing in for it. */
export async function seedAppWorld(
  options: { permissions?: Record<string, 'read' | 'write'>; emulator?: EmulatorOptions } = {},
) {
  const world = await seedWorld(options.emulator);
  const { startReceiver } = await import('./receiver.js');
  const app = world.gh.createApp({
    slug: 'grantops',
    permissions: options.permissions,
    privateKey: appPrivateKey(),
  });
  const receiver = await startReceiver(app.webhookSecret);
  world.gh.setWebhookUrl('grantops', receiver.url);
  const installation = world.gh.installApp({ app: 'grantops', account: 'acme' });
  await world.gh.waitForIdle();
  const { createAppAuth } = await import('@octokit/auth-app');
  const asApp = new Octokit({
    baseUrl: world.gh.url,
    log: silent,
    authStrategy: createAppAuth,
    auth: { appId: app.id, privateKey: app.privateKey },
  });
  const asInstallation = new Octokit({
    baseUrl: world.gh.url,
    log: silent,
    authStrategy: createAppAuth,
    auth: { appId: app.id, privateKey: app.privateKey, installationId: installation.id },
  });
  return { ...world, app, receiver, installation, asApp, asInstallation };
}
