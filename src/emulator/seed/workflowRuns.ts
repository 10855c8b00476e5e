import { repoUrl, timestamp, type Core } from '../core.js';
import { emitEvent } from '../events/emit.js';
import { resolveRef } from '../ops/refs.js';
import { renderDeployment } from '../render/deployments.js';
import type { Deployment, WorkflowRun } from '../state/types.js';
import { requireRepo } from './repos.js';

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
