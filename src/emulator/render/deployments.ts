import { htmlUrl, repoUrl, type Core } from '../core.js';
import type { Deployment, DeploymentStatus, Environment, Repo, WorkflowRun } from '../state/types.js';
import { findApp } from '../state/state.js';
import { renderUser } from './users.js';
import { renderApp } from './apps.js';

/** A deployment as the deployments API returns it. */
export function renderDeployment(core: Core, repo: Repo, d: Deployment): Record<string, unknown> {
  const url = `${repoUrl(core, repo)}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: Buffer.from(`010:Deployment${d.id}`).toString('base64'),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: renderUser(core, d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: repoUrl(core, repo),
    transient_environment: d.transient,
    production_environment: d.production,
  };
}

/** A deployment status. */
export function renderDeploymentStatus(
  core: Core,
  repo: Repo,
  d: Deployment,
  s: DeploymentStatus,
): Record<string, unknown> {
  const url = `${repoUrl(core, repo)}/deployments/${d.id}`;
  return {
    url: `${url}/statuses/${s.id}`,
    id: s.id,
    node_id: Buffer.from(`016:DeploymentStatus${s.id}`).toString('base64'),
    state: s.state,
    creator: renderUser(core, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.logUrl,
    log_url: s.logUrl,
    environment_url: s.environmentUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: url,
    repository_url: repoUrl(core, repo),
  };
}

/** An environment with its protection rules. */
export function renderEnvironment(core: Core, repo: Repo, env: Environment): Record<string, unknown> {
  return {
    id: env.id,
    node_id: Buffer.from(`011:Environment${env.id}`).toString('base64'),
    name: env.name,
    url: `${repoUrl(core, repo)}/environments/${encodeURIComponent(env.name)}`,
    html_url: htmlUrl(
      core,
      `${repo.owner}/${repo.name}/deployments/activity_log?environments_filter=${env.name}`,
    ),
    created_at: env.createdAt,
    updated_at: env.updatedAt,
    can_admins_bypass: true,
    protection_rules: env.protectionAppIds.flatMap((appId) => {
      const app = findApp(core.state, appId);
      return app
        ? [
            {
              id: appId * 10,
              node_id: Buffer.from(`Rule${appId}`).toString('base64'),
              type: 'custom',
              app: renderApp(core, app),
            },
          ]
        : [];
    }),
    deployment_branch_policy: null,
  };
}

/** A workflow run (the part a deployment protection rule needs). */
export function renderWorkflowRun(core: Core, repo: Repo, run: WorkflowRun): Record<string, unknown> {
  const url = `${repoUrl(core, repo)}/actions/runs/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: Buffer.from(`011:WorkflowRun${run.id}`).toString('base64'),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: '.github/workflows/deploy.yml',
    run_number: run.id,
    run_attempt: run.runAttempt,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: 1,
    url,
    html_url: htmlUrl(core, `${repo.owner}/${repo.name}/actions/runs/${run.id}`),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
    actor: renderUser(core, run.actor),
    triggering_actor: renderUser(core, run.triggeringActor),
    pull_requests: [],
  };
}
