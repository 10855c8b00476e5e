import { repoUrl, timestamp, type Core } from '../core.js';
import { emitEvent } from '../events/emit.js';
import { acceptOrgInvitation } from '../ops/membership.js';
import { resolveRef } from '../ops/refs.js';
import { renderCheckRun } from '../render/checks.js';
import { renderDeployment } from '../render/deployments.js';
import { acceptRepoInvitation } from '../routes/userInvitations.js';
import { findApp, findOrg } from '../state/state.js';
import type { CheckRun, Deployment, WorkflowRun } from '../state/types.js';
import { requireRepo } from './repos.js';
import { seedApp } from './accounts.js';

/** A check run reported by another App (a CI), e.g. to satisfy or fail a required check. */
export interface CheckRunSeed {
  repo: string;
  /** Commit sha or ref. */
  ref: string;
  name: string;
  status?: CheckRun['status'];
  conclusion?: string | null;
  /** App slug reporting it; `github-actions` (created on demand, not installed) when omitted. */
  app?: string;
}

export function seedCheckRun(core: Core, seed: CheckRunSeed): CheckRun {
  const repo = requireRepo(core, seed.repo);
  const headSha = resolveRef(repo, seed.ref);
  if (!headSha) throw new Error(`emulator: no commit ${seed.ref} in ${seed.repo}`);
  const slug = seed.app ?? 'github-actions';
  const app = findApp(core.state, slug) ?? seedApp(core, { slug, name: 'GitHub Actions' });
  const now = timestamp(core);
  const conclusion = seed.conclusion === undefined ? 'success' : seed.conclusion;
  const run: CheckRun = {
    id: core.state.nextId(),
    appId: app.id,
    name: seed.name,
    headSha,
    status: seed.status ?? (conclusion ? 'completed' : 'in_progress'),
    conclusion,
    startedAt: now,
    completedAt: conclusion ? now : null,
    output: { title: null, summary: null, text: null, annotations: [] },
    detailsUrl: null,
    externalId: null,
    actions: [],
    checkSuiteId: core.state.nextId(),
  };
  repo.checkRuns.set(run.id, run);
  return run;
}

/** Someone clicks "Re-run" on a check run: `check_run.rerequested` goes to the App that created it. */
export function rerequestCheckRun(
  core: Core,
  params: { repo: string; checkRunId: number; actor: string },
): void {
  const repo = requireRepo(core, params.repo);
  const run = repo.checkRuns.get(params.checkRunId);
  if (!run) throw new Error(`emulator: no check run ${params.checkRunId} in ${params.repo}`);
  const body = renderCheckRun(core, repo, run);
  const branch =
    [...repo.refs].find(([, sha]) => sha === run.headSha)?.[0].replace(/^refs\/heads\//, '') ?? null;
  emitEvent(core, {
    event: 'check_run',
    action: 'rerequested',
    repo,
    sender: params.actor,
    onlyAppId: run.appId,
    fields: {
      check_run: {
        ...body,
        check_suite: {
          id: run.checkSuiteId,
          head_branch: branch,
          head_sha: run.headSha,
          status: run.status,
          conclusion: run.conclusion,
          pull_requests: body['pull_requests'],
          app: body['app'],
        },
      },
    },
  });
}

/** A workflow job targeting an environment: the run waits on the environment's protection rules. */
export interface WorkflowRunSeed {
  repo: string;
  environment: string;
  /** Who triggered the run. */
  actor: string;
  /** Who re-ran it, when it is a re-run (GitHub's `triggering_actor`). */
  triggeringActor?: string;
  /** Branch, tag or sha deployed; the default branch when omitted. */
  ref?: string;
  event?: string;
  name?: string;
}

/**
 * Simulates a workflow run deploying to an environment: creates the run and its deployment, and
 * sends `deployment_protection_rule.requested` to every App protecting the environment, with the
 * callback URL they answer on.
 */
export function simulateWorkflowRun(
  core: Core,
  seed: WorkflowRunSeed,
): { run: WorkflowRun; deployment: Deployment } {
  const repo = requireRepo(core, seed.repo);
  const env = repo.environments.get(seed.environment.toLowerCase());
  if (!env) throw new Error(`emulator: no environment ${seed.environment} in ${seed.repo}`);
  const ref = seed.ref ?? repo.defaultBranch;
  const sha = resolveRef(repo, ref);
  if (!sha) throw new Error(`emulator: no ref ${ref} in ${seed.repo}`);
  const now = timestamp(core);
  const deployment: Deployment = {
    id: core.state.nextId(),
    sha,
    ref,
    task: 'deploy',
    payload: {},
    environment: env.name,
    description: null,
    creator: seed.actor,
    transient: false,
    production: env.name.toLowerCase() === 'production',
    createdAt: now,
    updatedAt: now,
    statuses: [
      {
        id: core.state.nextId(),
        state: 'waiting',
        description: '',
        environment: env.name,
        environmentUrl: '',
        logUrl: '',
        creator: 'github-actions[bot]',
        createdAt: now,
      },
    ],
  };
  repo.deployments.set(deployment.id, deployment);
  const run: WorkflowRun = {
    id: core.state.nextId(),
    name: seed.name ?? 'deploy',
    event: seed.event ?? 'push',
    actor: seed.actor,
    triggeringActor: seed.triggeringActor ?? seed.actor,
    headBranch: ref,
    headSha: sha,
    runAttempt: seed.triggeringActor ? 2 : 1,
    status: env.protectionAppIds.length > 0 ? 'waiting' : 'in_progress',
    conclusion: null,
    createdAt: now,
    updatedAt: now,
    gates: env.protectionAppIds.map((appId) => ({
      environment: env.name,
      appId,
      deploymentId: deployment.id,
      state: 'pending',
      reviews: [],
    })),
  };
  repo.workflowRuns.set(run.id, run);
  for (const appId of env.protectionAppIds)
    emitEvent(core, {
      event: 'deployment_protection_rule',
      action: 'requested',
      repo,
      sender: seed.triggeringActor ?? seed.actor,
      onlyAppId: appId,
      fields: {
        environment: env.name,
        event: run.event,
        ref,
        sha,
        deployment_callback_url: `${repoUrl(core, repo)}/actions/runs/${run.id}/deployment_protection_rule`,
        deployment: renderDeployment(core, repo, deployment),
        pull_requests: [],
      },
    });
  return { run, deployment };
}

/** The invitee accepts a pending org invitation or repository invitation. */
export function acceptInvitation(
  core: Core,
  params: { login: string; org?: string; repo?: string },
): boolean {
  if (params.org) {
    const org = findOrg(core.state, params.org);
    return org ? acceptOrgInvitation(core, org, params.login) : false;
  }
  if (params.repo) {
    const repo = requireRepo(core, params.repo);
    const invitation = [...repo.invitations.values()].find(
      (i) => i.invitee.toLowerCase() === params.login.toLowerCase(),
    );
    if (!invitation) return false;
    acceptRepoInvitation(repo, invitation);
    return true;
  }
  return false;
}
