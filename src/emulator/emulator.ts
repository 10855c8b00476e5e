import type { Faults } from './faults.js';
import * as inspect from './inspect.js';
import { resolveRef } from './ops/refs.js';
import * as repos from './seed/repos.js';
import type { RequestLogEntry, UnknownRouteEntry } from './server.js';
import type { State } from './state/state.js';
import type { DeliveryRecord } from './webhooks.js';
import { EmulatorSeeding, type EmulatorParts } from './emulatorSeeding.js';

/**
 * A running GitHub emulator: seed it, point Octokit (`baseUrl: emulator.url`) and the App at it,
 * then inspect what happened. Every seeding method works on in-memory state directly (no webhooks
 * except where noted); everything done over HTTP behaves like GitHub, webhooks included.
 */
export class Emulator extends EmulatorSeeding {
  /** Base URL, e.g. `http://127.0.0.1:40123`: Octokit's `baseUrl`. */
  readonly url: string;
  /** Per-route fault injection (`faults.add({ method, route, status, times, delayMs })`). */
  readonly faults: Faults;
  /** The raw in-memory world, for inspections the helpers below do not cover. */
  readonly state: State;

  constructor(parts: EmulatorParts) {
    super(parts);
    this.url = parts.core.url;
    this.faults = parts.faults;
    this.state = parts.core.state;
  }

  /** Every API request served (codeload downloads excluded), oldest first. */
  get requests(): readonly RequestLogEntry[] {
    return this.parts.requests;
  }

  /** Requests for routes GitHub does not have (404) or the emulator does not implement (501). */
  get unknownRoutes(): readonly UnknownRouteEntry[] {
    return this.parts.unknownRoutes;
  }

  /** Unexpected handler errors (answered 500). Tests should assert this stays empty. */
  get errors(): readonly Error[] {
    return this.parts.errors;
  }

  /** `METHOD template` of every implemented route. */
  implementedRoutes(): string[] {
    return this.parts.router.routes();
  }

  readFile(params: { repo: string; path: string; ref?: string }): string | undefined {
    return inspect.readFile(this.parts.core, params);
  }

  listFiles(params: { repo: string; ref?: string }): string[] {
    return inspect.listFiles(this.parts.core, params);
  }

  /** The sha a commit-ish resolves to. */
  resolve(params: { repo: string; ref: string }): string | undefined {
    return resolveRef(repos.requireRepo(this.parts.core, params.repo), params.ref);
  }

  pulls(repo: string): inspect.PullSnapshot[] {
    return inspect.pullSnapshots(this.parts.core, repo);
  }

  /** Comments on an issue or pull request. */
  comments(params: { repo: string; number: number }): Array<{ id: number; user: string; body: string }> {
    const repo = repos.requireRepo(this.parts.core, params.repo);
    return [...repo.comments.values()]
      .filter((c) => c.issueNumber === params.number)
      .map((c) => ({ id: c.id, user: c.user, body: c.body }));
  }

  checkRuns(params: { repo: string; ref?: string }): inspect.CheckRunSnapshot[] {
    return inspect.checkRunSnapshots(this.parts.core, params);
  }

  teamMembers(params: { org: string; team: string }): ReturnType<typeof inspect.teamMembers> {
    return inspect.teamMembers(this.parts.core, params);
  }

  orgMembers(org: string): ReturnType<typeof inspect.orgMembers> {
    return inspect.orgMembers(this.parts.core, org);
  }

  collaborators(repo: string): ReturnType<typeof inspect.collaboratorList> {
    return inspect.collaboratorList(this.parts.core, repo);
  }

  /** Webhook delivery attempts, oldest first, optionally filtered. */
  deliveries(filter: { event?: string; action?: string } = {}): DeliveryRecord[] {
    return this.parts.webhooks
      .list()
      .filter(
        (d) => (!filter.event || d.event === filter.event) && (!filter.action || d.action === filter.action),
      );
  }

  /** Redelivers a delivery (by numeric id or GUID) with the same GUID and body; resolves with the attempt. */
  redeliver(idOrGuid: number | string): Promise<DeliveryRecord> {
    return this.parts.webhooks.redeliver(idOrGuid, this.state.apps);
  }

  /**
   * Resolves once no webhook is queued or in flight and no request is being served for `settleMs`
   * (the App's reactions are done); rejects after `timeoutMs`.
   */
  async waitForIdle(options: { timeoutMs?: number; settleMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    const settle = options.settleMs ?? 25;
    for (;;) {
      await this.parts.webhooks.idle();
      const mark = this.parts.requests.length + this.parts.webhooks.list().length;
      await new Promise((resolve) => setTimeout(resolve, settle));
      const quiet = this.parts.inFlight.count === 0 && this.parts.webhooks.pending() === 0;
      if (quiet && mark === this.parts.requests.length + this.parts.webhooks.list().length) return;
      if (Date.now() > deadline)
        throw new Error(`emulator: still busy after ${options.timeoutMs ?? 15_000} ms`);
    }
  }

  /** Stops the server (after pending deliveries). */
  async close(): Promise<void> {
    await this.parts.webhooks.idle();
    await new Promise<void>((resolve, reject) => {
      this.parts.server.close((error) => (error ? reject(error) : resolve()));
      this.parts.server.closeAllConnections();
    });
  }
}
