import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from './core.js';
import { Emulator } from './emulator.js';
import { Faults } from './faults.js';
import { RouteTable } from './routeTable.js';
import { Router } from './router.js';
import { allRoutes } from './routes/index.js';
import { createRequestListener, type RequestLogEntry, type UnknownRouteEntry } from './server.js';
import { createState } from './state/state.js';
import { WebhookQueue } from './webhooks.js';

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /**
   * Clock for the timestamps GitHub writes (commits, PRs, reviews, deliveries); real time by default.
   * Credentials (JWTs, installation tokens) always expire by the wall clock, as their clients count.
   */
  now?: () => Date;
  /** How long a webhook waits for the App's answer (GitHub: 10 s). */
  webhookTimeoutMs?: number;
}

/**
 * Starts a loopback GitHub: REST routes with real state, GitHub's auth, errors and headers,
 * signed webhook deliveries to registered Apps, fault injection and a request log.
 *
 * @example
 * const gh = await startEmulator();
 * const alice = gh.createUser({ login: 'alice' });
 * gh.createOrg({ login: 'acme', members: { alice: 'admin' } });
 * gh.createRepo({ owner: 'acme', name: 'access', files: { 'access.yml': 'version: 1\n' } });
 * const octokit = new Octokit({ baseUrl: gh.url, auth: alice.token });
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = createState();
  const now = options.now ?? (() => new Date());
  const webhooks = new WebhookQueue({ now, nextId: state.nextId, timeoutMs: options.webhookTimeoutMs });
  const core: Core = {
    state,
    url: '',
    now,
    deliver: (webhook) => webhooks.enqueue(webhook),
    deliveries: () => webhooks.list(),
    redeliver: (id) => void webhooks.redeliver(id, state.apps),
  };
  const router = new Router(allRoutes);
  const faults = new Faults();
  const requests: RequestLogEntry[] = [];
  const unknownRoutes: UnknownRouteEntry[] = [];
  const errors: Error[] = [];
  const inFlight = { count: 0 };
  const listener = createRequestListener({
    core,
    routes: new RouteTable(),
    router,
    faults,
    requests,
    unknownRoutes,
    errors,
    inFlight,
    rateUsage: new Map(),
  });
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  core.url = `http://127.0.0.1:${port}`;
  return new Emulator({ core, server, router, webhooks, faults, requests, unknownRoutes, errors, inFlight });
}
