import type { Server } from 'node:http';
import type { Core } from './core.js';
import type { Faults } from './faults.js';
import { commitFiles } from './ops/commitFiles.js';
import { resolveRef } from './ops/refs.js';
import { updateRef } from './ops/updateRef.js';
import type { Router } from './router.js';
import * as accounts from './seed/accounts.js';
import * as repos from './seed/repos.js';
import * as apps from './seed/apps.js';
import * as checkRuns from './seed/checkRuns.js';
import * as invitations from './seed/invitations.js';
import * as workflowRuns from './seed/workflowRuns.js';
import type { RequestLogEntry, UnknownRouteEntry } from './server.js';
import type { WorkflowRun } from './state/types.js';
import type { WebhookQueue } from './webhooks.js';

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
 * The seeding half of `Emulator`: builds the world (accounts, repositories, Apps, rules) directly
 * in memory, and simulates what happens on GitHub outside the REST API (pushes, re-runs, workflow
 * runs, accepted invitations).
 */
export abstract class EmulatorSeeding {
  constructor(protected readonly parts: EmulatorParts) {}

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

  /**
   * Points a ref at a commit-ish (`null` deletes it), as a push would (webhooks included), or with
   * `silent` just moves it (for seeding thousands of branches, as benchmarks do).
   */
  setRef(params: { repo: string; ref: string; to: string | null; actor: string; silent?: boolean }): void {
    const repo = repos.requireRepo(this.parts.core, params.repo);
    const sha = params.to === null ? null : resolveRef(repo, params.to);
    if (sha === undefined) throw new Error(`emulator: no commit ${String(params.to)} in ${params.repo}`);
    const ref = params.ref.startsWith('refs/') ? params.ref : `refs/heads/${params.ref}`;
    if (params.silent) {
      if (sha === null) repo.refs.delete(ref);
      else repo.refs.set(ref, sha);
      return;
    }
    updateRef(this.parts.core, { repo, ref, sha, actor: params.actor, forced: true });
  }

  /** Sets classic branch protection (required checks, approvals, PR-only, bypass actors). */
  protectBranch(seed: repos.ProtectionSeed): void {
    repos.seedProtection(this.parts.core, seed);
  }

  /** Registers a GitHub App; returns what Probot needs to authenticate as it. */
  createApp(seed: apps.AppSeed): AppCredentials {
    const app = apps.seedApp(this.parts.core, seed);
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
    const found = [...this.parts.core.state.apps.values()].find((a) => a.slug === app || a.id === app);
    if (!found) throw new Error(`emulator: no app ${String(app)}`);
    found.webhookUrl = url;
  }

  /** Installs an App on an account; sends `installation.created`. */
  installApp(seed: apps.InstallSeed): { id: number } {
    return { id: apps.seedInstallation(this.parts.core, seed).id };
  }

  /** Creates a deployment environment, optionally protected by Apps' custom rules. */
  createEnvironment(seed: repos.EnvironmentSeed): void {
    repos.seedEnvironment(this.parts.core, seed);
  }

  /** Reports a check run from another App (a CI), e.g. a required check. */
  createCheckRun(seed: checkRuns.CheckRunSeed): { id: number } {
    return { id: checkRuns.seedCheckRun(this.parts.core, seed).id };
  }

  /** Clicks "Re-run" on a check run: `check_run.rerequested` to the App that owns it. */
  rerequestCheckRun(params: { repo: string; checkRunId: number; actor: string }): void {
    checkRuns.rerequestCheckRun(this.parts.core, params);
  }

  /** Starts a workflow run deploying to an environment; protecting Apps get `deployment_protection_rule`. */
  simulateWorkflowRun(seed: workflowRuns.WorkflowRunSeed): {
    runId: number;
    deploymentId: number;
    callbackUrl: string;
  } {
    const { run, deployment } = workflowRuns.simulateWorkflowRun(this.parts.core, seed);
    return {
      runId: run.id,
      deploymentId: deployment.id,
      callbackUrl: `${this.parts.core.url}/repos/${seed.repo}/actions/runs/${run.id}/deployment_protection_rule`,
    };
  }

  /** A workflow run with its protection gates and every callback the Apps made. */
  workflowRun(params: { repo: string; runId: number }): WorkflowRun | undefined {
    return repos.requireRepo(this.parts.core, params.repo).workflowRuns.get(params.runId);
  }

  /** The invitee accepts an org or repository invitation. */
  acceptInvitation(params: { login: string; org?: string; repo?: string }): boolean {
    return invitations.acceptInvitation(this.parts.core, params);
  }
}
