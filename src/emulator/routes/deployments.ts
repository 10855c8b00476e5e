import { timestamp } from '../core.js';
import { notFound, unprocessable } from '../http.js';
import { optBool, optEnum, optString, reqString } from '../input.js';
import { paginate } from '../pagination.js';
import { resolveRef } from '../ops/refs.js';
import { renderDeployment, renderDeploymentStatus, renderEnvironment } from '../render/deployments.js';
import type { RouteDef } from '../router.js';
import { findApp } from '../state/state.js';
import type { Deployment, DeploymentStatus } from '../state/types.js';
import { created, numParam, ok, param, repoRoute, type RepoCtx } from './define.js';

const deployments = { permission: 'deployments' };
const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'] as const;

function findDeployment(ctx: RepoCtx): Deployment {
  const d = ctx.repo.deployments.get(numParam(ctx, 'deployment_id'));
  if (!d) throw notFound();
  return d;
}

/** Environments, deployments and deployment statuses. */
export const deploymentsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/environments', { permission: 'actions' }, (ctx) => {
    const envs = [...ctx.repo.environments.values()];
    const page = paginate({ items: envs, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      {
        total_count: envs.length,
        environments: page.items.map((e) => renderEnvironment(ctx.core, ctx.repo, e)),
      },
      page.headers,
    );
  }),
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/environments/{environment_name}',
    { permission: 'actions' },
    (ctx) => {
      const env = ctx.repo.environments.get(param(ctx, 'environment_name').toLowerCase());
      if (!env) throw notFound();
      return ok(renderEnvironment(ctx.core, ctx.repo, env));
    },
  ),
  // Custom deployment protection rules enabled on an environment (Apps that guard it).
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules',
    { permission: 'actions' },
    (ctx) => {
      const env = ctx.repo.environments.get(param(ctx, 'environment_name').toLowerCase());
      if (!env) throw notFound();
      const rules = env.protectionAppIds.map((appId) => {
        const app = findApp(ctx.core.state, appId);
        return {
          id: appId * 1000 + env.id,
          node_id: Buffer.from(`DPR_${appId}_${env.id}`).toString('base64'),
          enabled: true,
          app: {
            id: appId,
            slug: app?.slug ?? String(appId),
            integration_url: `${ctx.core.url}/app`,
            node_id: Buffer.from(`A_${appId}`).toString('base64'),
          },
        };
      });
      return ok({ total_count: rules.length, custom_deployment_protection_rules: rules });
    },
  ),
  repoRoute('POST', '/repos/{owner}/{repo}/deployments', deployments, (ctx) => {
    const ref = reqString(ctx.body, 'ref');
    const sha = resolveRef(ctx.repo, ref);
    if (!sha) throw unprocessable(`No ref found for: ${ref}`);
    const now = timestamp(ctx.core);
    const environment = optString(ctx.body, 'environment') ?? 'production';
    const deployment: Deployment = {
      id: ctx.core.state.nextId(),
      sha,
      ref,
      task: optString(ctx.body, 'task') ?? 'deploy',
      payload: ctx.body['payload'] ?? {},
      environment,
      description: optString(ctx.body, 'description') ?? null,
      creator: ctx.actor.login ?? 'ghost',
      transient: optBool(ctx.body, 'transient_environment') ?? false,
      production: optBool(ctx.body, 'production_environment') ?? environment === 'production',
      createdAt: now,
      updatedAt: now,
      statuses: [],
    };
    ctx.repo.deployments.set(deployment.id, deployment);
    return created(renderDeployment(ctx.core, ctx.repo, deployment));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/deployments', deployments, (ctx) => {
    const q = (name: string): string | null => ctx.query.get(name);
    const list = [...ctx.repo.deployments.values()]
      .filter(
        (d) =>
          (!q('sha') || d.sha === q('sha')) &&
          (!q('ref') || d.ref === q('ref')) &&
          (!q('task') || d.task === q('task')),
      )
      .filter((d) => !q('environment') || d.environment === q('environment'))
      .sort((a, b) => b.id - a.id);
    const page = paginate({ items: list, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((d) => renderDeployment(ctx.core, ctx.repo, d)),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}', deployments, (ctx) =>
    ok(renderDeployment(ctx.core, ctx.repo, findDeployment(ctx))),
  ),
  repoRoute('POST', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', deployments, (ctx) => {
    const deployment = findDeployment(ctx);
    const state = optEnum(ctx.body, 'state', STATES);
    if (!state) throw unprocessable('Invalid request.\n\n"state" wasn\'t supplied.');
    const status: DeploymentStatus = {
      id: ctx.core.state.nextId(),
      state,
      description: optString(ctx.body, 'description') ?? '',
      environment: optString(ctx.body, 'environment') ?? deployment.environment,
      environmentUrl: optString(ctx.body, 'environment_url') ?? '',
      logUrl: optString(ctx.body, 'log_url') ?? optString(ctx.body, 'target_url') ?? '',
      creator: ctx.actor.login ?? 'ghost',
      createdAt: timestamp(ctx.core),
    };
    deployment.statuses.unshift(status);
    deployment.updatedAt = status.createdAt;
    return created(renderDeploymentStatus(ctx.core, ctx.repo, deployment, status));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', deployments, (ctx) => {
    const deployment = findDeployment(ctx);
    const page = paginate({
      items: deployment.statuses,
      query: ctx.query,
      url: ctx.core.url,
      path: ctx.path,
    });
    return ok(
      page.items.map((s) => renderDeploymentStatus(ctx.core, ctx.repo, deployment, s)),
      page.headers,
    );
  }),
];
