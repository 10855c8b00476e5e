import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Octokit } from '@octokit/rest';
import { pino, type Logger } from 'pino';
import type { AppDeps } from '../app/createApp.js';
import type { ClientPolicy } from '../app/grantopsOctokit.js';
import { startServer, type RunningApp } from '../app/startServer.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { appManifest } from './appPermissions.js';
import { systemClock, type ManualClock } from './manualClock.js';
import { PEOPLE, TEAMS, tokenOf, type Person } from './people.js';
import { projectRoot } from './projectRoot.js';

export const ORG = 'acme';
export const GRANTS_REPO = 'access-grants';

/** The emulator seeded with the example organisation, and the real App running against it. */
export interface World {
  gh: Emulator;
  app: RunningApp;
  clock: ManualClock;
  repo: { owner: string; repo: string };
  as: (login: Person) => Octokit;
  close: () => Promise<void>;
}

function exampleFiles(root: string): Record<string, string> {
  const base = join(root, 'examples', 'grants-repo');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(base, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(base);
  return files;
}

/**
 * Starts the loopback emulator, seeds acme's people, teams and repositories with the example grants
 * repository (its policy and CODEOWNERS; example grants optional), and starts the grantops App
 * against it with exactly app.yml's permissions. Time is a manual clock shared by both.
 */
export async function startWorld(
  options: {
    clock?: ManualClock;
    log?: Logger;
    port?: number;
    appPort?: number;
    sweepIntervalMs?: number;
    client?: ClientPolicy;
    deps?: Partial<AppDeps>;
    withExampleGrants?: boolean;
    /** More files for the grants repository's first commit (benchmarks seed thousands of grants). */
    extraFiles?: Record<string, string>;
    env?: Record<string, string>;
  } = {},
): Promise<World> {
  const root = projectRoot();
  const clock = options.clock ?? systemClock();
  const gh = await startEmulator({ port: options.port ?? 0, now: () => new Date(clock.now()) });
  for (const login of Object.keys(PEOPLE)) gh.createUser({ login, token: tokenOf(login) });
  gh.createOrg({
    login: ORG,
    members: Object.fromEntries(Object.keys(PEOPLE).map((l) => [l, l === 'sam' ? 'admin' : 'member'])),
  });
  for (const [slug, members] of Object.entries(TEAMS))
    gh.createTeam({ org: ORG, slug, maintainers: members.slice(0, 1), members: members.slice(1) });
  const files = exampleFiles(root);
  const grants = Object.fromEntries(
    Object.entries(files).filter(([path]) => options.withExampleGrants || !/^grants\/.*\.yml$/.test(path)),
  );
  gh.createRepo({
    owner: ORG,
    name: GRANTS_REPO,
    files: { ...grants, ...options.extraFiles },
    author: 'sam',
  });
  gh.createRepo({ owner: ORG, name: 'payments', files: { 'README.md': '# payments\n' }, author: 'erin' });
  gh.createRepo({
    owner: ORG,
    name: 'infrastructure',
    files: { 'README.md': '# infrastructure\n' },
    author: 'paul',
  });
  gh.createRepo({ owner: ORG, name: 'webshop', files: { 'README.md': '# webshop\n' }, author: 'frank' });
  gh.protectBranch({
    repo: `${ORG}/${GRANTS_REPO}`,
    branch: 'main',
    requiredStatusChecks: ['grantops'],
    requirePullRequest: true,
    bypassActors: ['grantops[bot]'],
  });
  const manifest = appManifest(join(root, 'app.yml'));
  const credentials = gh.createApp({
    slug: 'grantops',
    permissions: manifest.permissions,
    events: manifest.events,
  });
  for (const environment of ['production', 'staging'])
    gh.createEnvironment({ repo: `${ORG}/webshop`, name: environment, protectedBy: ['grantops'] });
  const app = await startServer({
    appId: credentials.id,
    privateKey: credentials.privateKey,
    webhookSecret: credentials.webhookSecret,
    recordKey: credentials.webhookSecret,
    baseUrl: gh.url,
    port: options.appPort ?? 0,
    host: '127.0.0.1',
    sweepIntervalMs: options.sweepIntervalMs ?? 0,
    grantsRepo: { name: GRANTS_REPO },
    log: options.log ?? pino({ level: 'silent' }),
    client: options.client ?? { throttle: false, retries: 2, retryBaseMs: 20, rateLimitRetries: 2 },
    env: options.env ?? {},
    deps: { now: clock.now, retry: { attempts: 3, baseMs: 20 }, ...options.deps },
  });
  gh.setWebhookUrl('grantops', app.webhookUrl);
  gh.installApp({ app: 'grantops', account: ORG });
  await gh.waitForIdle();
  const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  return {
    gh,
    app,
    clock,
    repo: { owner: ORG, repo: GRANTS_REPO },
    as: (login) => new Octokit({ baseUrl: gh.url, auth: tokenOf(login), log: silent }),
    close: async () => {
      await app.close();
      await gh.close();
    },
  };
}
