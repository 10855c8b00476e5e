import type { Server } from 'node:http';
import type { Core } from './core.js';
import type { Faults } from './faults.js';
import * as inspect from './inspect.js';
import { commitFiles } from './ops/commitFiles.js';
import { resolveRef } from './ops/refs.js';
import { updateRef } from './ops/updateRef.js';
import type { Router } from './router.js';
import * as accounts from './seed/accounts.js';
import * as repos from './seed/repos.js';
import * as simulate from './seed/simulate.js';
import type { RequestLogEntry, UnknownRouteEntry } from './server.js';
import type { State } from './state/state.js';
import type { WorkflowRun } from './state/types.js';
import type { DeliveryRecord, WebhookQueue } from './webhooks.js';

/** What an App needs to authenticate against the emulator (Probot's `appId`, `privateKey`, `secret`). */
export interface AppCredentials {
  id: number;
  slug: string;
  clientId: string;
  privateKey: string;
  webhookSecret: string;
}

/** The parts `startEmulator` wires together. */
export interface EmulatorParts {
  core: Core;
  server: Server;
  router: Router;
  webhooks: WebhookQueue;
  faults: Faults;
  requests: RequestLogEntry[];
  unknownRoutes: UnknownRouteEntry[];
  errors: Error[];
  inFlight: { count: number };
}

/**
 * A running GitHub emulator: seed it, point Octokit (`baseUrl: emulator.url`) and the App at it,
 * then inspect what happened. Every seeding method works on in-memory state directly (no webhooks
 * except where noted); everything done over HTTP behaves like GitHub, webhooks included.
 */
export class Emulator {
  /** Base URL, e.g. `http://127.0.0.1:40123`: Octokit's `baseUrl`. */
  readonly url: string;
  /** Per-route fault injection (`faults.add({ method, route, status, times, delayMs })`). */
  readonly faults: Faults;
  /** The raw in-memory world, for inspections the helpers below do not cover. */
  readonly state: State;

  constructor(private readonly parts: EmulatorParts) {
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

  /** Creates a user with a token (`Authorization: token <token>`). */
  createUser(seed: accounts.UserSeed): { login: string; id: number; token: string } {
    const { user, token } = accounts.seedUser(this.parts.core, seed);
    return { login: user.login, id: user.id, token };
  }

  /** Creates an organization (members' base permission `push` unless set). */
  createOrg(seed: accounts.OrgSeed): { login: string; id: number } {
    const org = accounts.seedOrg(this.parts.core, seed);
    return { login: org.login, id: org.id };
  }

  /** Makes an existing user an org member (no invitation). */
  addOrgMember(params: { org: string; login: string; role?: 'admin' | 'member' }): void {
    const user = accounts.requireUser(this.parts.core, params.login);
    accounts
      .requireOrg(this.parts.core, params.org)
      .members.set(user.login.toLowerCase(), params.role ?? 'member');
  }

  /** Creates a team; listed members who are not org members are pending. */
  createTeam(seed: accounts.TeamSeed): { id: number; slug: string } {
    const team = accounts.seedTeam(this.parts.core, seed);
    return { id: team.id, slug: team.slug };
  }

  /** Creates a repository, with a first commit of `files` on the default branch when given. */
  createRepo(seed: repos.RepoSeed): {
    id: number;
    fullName: string;
    defaultBranch: string;
    headSha: string | undefined;
  } {
    const repo = repos.seedRepo(this.parts.core, seed);
    return {
      id: repo.id,
      fullName: `${repo.owner}/${repo.name}`,
      defaultBranch: repo.defaultBranch,
      headSha: repo.refs.get(`refs/heads/${repo.defaultBranch}`),
    };
  }

  /**
   * Commits files (content, or null to delete) to a branch as `author`, as a `git push` would:
   * sends `push` and `pull_request.synchronize` unless `silent`. Creates the branch from `from`
   * (default branch when omitted) if it does not exist.
   */
  commit(params: {
    repo: string;
    branch: string;
    files: Record<string, string | Buffer | null>;
    message: string;
    author: string;
    from?: string;
    silent?: boolean;
  }): string {
    const repo = repos.requireRepo(this.parts.core, params.repo);
    const exists = repo.refs.has(`refs/heads/${params.branch}`);
    const parent = exists ? undefined : resolveRef(repo, params.from ?? repo.defaultBranch);
    return commitFiles(this.parts.core, {
      repo,
      branch: params.branch,
      files: params.files,
      message: params.message,
      actor: params.author,
      parent,
      silent: params.silent,
    });
  }

  /** Points a ref at a commit-ish (`null` deletes it), as a push would (webhooks included). */
  setRef(params: { repo: string; ref: string; to: string | null; actor: string }): void {
    const repo = repos.requireRepo(this.parts.core, params.repo);
    const sha = params.to === null ? null : resolveRef(repo, params.to);
    if (sha === undefined) throw new Error(`emulator: no commit ${String(params.to)} in ${params.repo}`);
    const ref = params.ref.startsWith('refs/') ? params.ref : `refs/heads/${params.ref}`;
    updateRef(this.parts.core, { repo, ref, sha, actor: params.actor, forced: true });
  }

  /** Sets classic branch protection (required checks, approvals, PR-only, bypass actors). */
  protectBranch(seed: repos.ProtectionSeed): void {
    repos.seedProtection(this.parts.core, seed);
  }

  /** Registers a GitHub App; returns what Probot needs to authenticate as it. */
  createApp(seed: accounts.AppSeed): AppCredentials {
    const app = accounts.seedApp(this.parts.core, seed);
    return {
      id: app.id,
      slug: app.slug,
      clientId: app.clientId,
      privateKey: app.privateKey,
      webhookSecret: app.webhookSecret,
    };
  }

  /** Sets where an App's webhooks go (e.g. once the App's server has a port). */
  setWebhookUrl(app: string | number, url: string | null): void {
    const found = [...this.state.apps.values()].find((a) => a.slug === app || a.id === app);
    if (!found) throw new Error(`emulator: no app ${String(app)}`);
    found.webhookUrl = url;
  }

  /** Installs an App on an account; sends `installation.created`. */
  installApp(seed: accounts.InstallSeed): { id: number } {
    return { id: accounts.seedInstallation(this.parts.core, seed).id };
  }

  /** Creates a deployment environment, optionally protected by Apps' custom rules. */
  createEnvironment(seed: repos.EnvironmentSeed): void {
    repos.seedEnvironment(this.parts.core, seed);
  }

  /** Reports a check run from another App (a CI), e.g. a required check. */
  createCheckRun(seed: simulate.CheckRunSeed): { id: number } {
    return { id: simulate.seedCheckRun(this.parts.core, seed).id };
  }

  /** Clicks "Re-run" on a check run: `check_run.rerequested` to the App that owns it. */
  rerequestCheckRun(params: { repo: string; checkRunId: number; actor: string }): void {
    simulate.rerequestCheckRun(this.parts.core, params);
  }

  /** Starts a workflow run deploying to an environment; protecting Apps get `deployment_protection_rule`. */
  simulateWorkflowRun(seed: simulate.WorkflowRunSeed): {
    runId: number;
    deploymentId: number;
    callbackUrl: string;
  } {
    const { run, deployment } = simulate.simulateWorkflowRun(this.parts.core, seed);
    return {
      runId: run.id,
      deploymentId: deployment.id,
      callbackUrl: `${this.url}/repos/${seed.repo}/actions/runs/${run.id}/deployment_protection_rule`,
    };
  }

  /** A workflow run with its protection gates and every callback the Apps made. */
  workflowRun(params: { repo: string; runId: number }): WorkflowRun | undefined {
    return repos.requireRepo(this.parts.core, params.repo).workflowRuns.get(params.runId);
  }

  /** The invitee accepts an org or repository invitation. */
  acceptInvitation(params: { login: string; org?: string; repo?: string }): boolean {
    return simulate.acceptInvitation(this.parts.core, params);
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
