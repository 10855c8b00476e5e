import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { Octokit } from '@octokit/rest';
import { pino, type Logger } from 'pino';
import { formatUtc } from '../../src/core/time/index.js';
import type { ClientPolicy } from '../../src/app/grantopsOctokit.js';
import { appManifest } from '../../src/demo/appPermissions.js';
import { PEOPLE, TEAMS, tokenOf, type Person } from '../../src/demo/people.js';
import { projectRoot } from '../../src/demo/projectRoot.js';
import {
  signatureHeaders,
  startEmulator,
  type DeliveryRecord,
  type Emulator,
} from '../../src/emulator/index.js';
import type { LambdaHttpEvent } from '../../src/lambda/index.js';
import { appPrivateKey, silent } from '../emulator/world.js';

export const ORG = 'acme';
export const GRANTS_REPO = 'access-grants';
/** No retries or throttling: a failure shows at once. */
export const TEST_CLIENT: ClientPolicy = {
  throttle: false,
  retries: 0,
  retryBaseMs: 10,
  rateLimitRetries: 0,
};

/** The example grants repository's policy and CODEOWNERS (its example grants left out). */
function exampleFiles(): Record<string, string> {
  const base = join(projectRoot(), 'examples', 'grants-repo');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/^grants\/.*\.yml$/.test(relative(base, path)))
        files[relative(base, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(base);
  return files;
}

/** Structured log lines captured from a pino logger. */
export function captureLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

/**
 * The emulator seeded with acme's people and teams, the `access-grants` repository from
 * examples/grants-repo, and the grantops App (app.yml's permissions) installed on acme with no
 * webhook URL: deliveries are only recorded, and the tests hand them to the Lambda handler.
 * `env` is what the Lambda function's environment would hold.
 */
export async function startLambdaWorld() {
  const gh = await startEmulator();
  for (const login of Object.keys(PEOPLE)) gh.createUser({ login, token: tokenOf(login) });
  gh.createOrg({
    login: ORG,
    members: Object.fromEntries(Object.keys(PEOPLE).map((l) => [l, l === 'sam' ? 'admin' : 'member'])),
  });
  for (const [slug, members] of Object.entries(TEAMS))
    gh.createTeam({ org: ORG, slug, maintainers: members.slice(0, 1), members: members.slice(1) });
  gh.createRepo({ owner: ORG, name: GRANTS_REPO, files: exampleFiles(), author: 'sam' });
  gh.protectBranch({
    repo: `${ORG}/${GRANTS_REPO}`,
    branch: 'main',
    requiredStatusChecks: ['grantops'],
    requirePullRequest: true,
    bypassActors: ['grantops[bot]'],
  });
  const manifest = appManifest(join(projectRoot(), 'app.yml'));
  const app = gh.createApp({
    slug: 'grantops',
    permissions: manifest.permissions,
    events: manifest.events,
    privateKey: appPrivateKey(),
  });
  const installation = gh.installApp({ app: 'grantops', account: ORG });
  await gh.waitForIdle();
  const env: Record<string, string> = {
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.webhookSecret,
    GITHUB_API_URL: gh.url,
    GRANTOPS_GRANTS_REPO: GRANTS_REPO,
  };
  return {
    gh,
    app,
    installation,
    env,
    repo: { owner: ORG, repo: GRANTS_REPO },
    as: (login: Person) => new Octokit({ baseUrl: gh.url, auth: tokenOf(login), log: silent }),
  };
}

/** Starts a world; the caller closes `gh`. */
export type LambdaWorld = Awaited<ReturnType<typeof startLambdaWorld>>;

/**
 * A recorded delivery as a Lambda function URL (payload v2) hands it to the function: GitHub's
 * headers, signed with `secret`, the body as a string.
 */
export function functionUrlEvent(
  delivery: DeliveryRecord,
  secret: string,
): LambdaHttpEvent & Record<string, unknown> {
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {
      accept: '*/*',
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/lambda-test',
      'x-github-event': delivery.event,
      'x-github-delivery': delivery.guid,
      'x-github-hook-installation-target-type': 'integration',
      ...signatureHeaders(secret, delivery.body),
    },
    requestContext: {
      http: {
        method: 'POST',
        path: '/',
        protocol: 'HTTP/1.1',
        sourceIp: '140.82.112.1',
        userAgent: 'GitHub-Hookshot',
      },
      requestId: `req-${delivery.guid}`,
      routeKey: '$default',
      stage: '$default',
    },
    body: delivery.body,
    isBase64Encoded: false,
  };
  return event;
}

/** The emulator's one recorded delivery of `event.action`. */
export function onlyDelivery(gh: Emulator, event: string, action: string): DeliveryRecord {
  const found = gh.deliveries({ event, action });
  if (found.length !== 1) throw new Error(`expected one ${event}.${action} delivery, found ${found.length}`);
  return found[0]!;
}

/**
 * alice asks for `resource` (prod-db by default: two approvals needed) until `hours` from now, a
 * valid grant. Returns the PR and its recorded `pull_request.opened` delivery.
 */
export async function openGrantRequest(
  world: LambdaWorld,
  request: { resource?: string; hours?: number } = {},
) {
  const resource = request.resource ?? 'prod-db';
  const expires = formatUtc(Date.now() + (request.hours ?? 2) * 3_600_000);
  world.gh.commit({
    repo: `${ORG}/${GRANTS_REPO}`,
    branch: `alice/${resource}`,
    files: {
      [`grants/${resource}/alice.yml`]: `grantee: alice\nresource: ${resource}\nreason: "INC-4242: replication lag on the primary"\nticket: INC-4242\nexpires: ${expires}\n`,
    },
    message: `${resource} for alice`,
    author: 'alice',
  });
  const { data } = await world.as('alice').rest.pulls.create({
    ...world.repo,
    title: `${resource} for alice`,
    head: `alice/${resource}`,
    base: 'main',
  });
  const number = data.number;
  await world.gh.waitForIdle();
  const pr = world.gh.pulls(`${ORG}/${GRANTS_REPO}`).find((p) => p.number === number)!;
  return { pr, delivery: onlyDelivery(world.gh, 'pull_request', 'opened') };
}
