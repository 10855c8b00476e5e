import { timestamp } from '../core.js';
import { forbidden, notFound, unprocessable } from '../http.js';
import { optEnum, optString, reqString } from '../input.js';
import { renderEnvironment, renderWorkflowRun } from '../render/deployments.js';
import { renderUser } from '../render/users.js';
import { paginate } from '../pagination.js';
import type { RouteDef } from '../router.js';
import type { ProtectionGate, WorkflowRun } from '../state/types.js';
import { noContent, numParam, ok, repoRoute, type RepoCtx } from './define.js';

function findRun(ctx: RepoCtx): WorkflowRun {
  const run = ctx.repo.workflowRuns.get(numParam(ctx, 'run_id'));
  if (!run) throw notFound();
  return run;
}

function settle(ctx: RepoCtx, run: WorkflowRun, gate: ProtectionGate): void {
  const now = timestamp(ctx.core);
  const deployment = ctx.repo.deployments.get(gate.deploymentId);
  if (gate.state === 'rejected') {
    run.status = 'completed';
    run.conclusion = 'failure';
  } else if (run.gates.every((g) => g.state === 'approved')) run.status = 'in_progress';
  run.updatedAt = now;
  if (!deployment || gate.state === 'pending') return;
  deployment.statuses.unshift({
    id: ctx.core.state.nextId(),
    state: gate.state === 'approved' ? 'in_progress' : 'failure',
    description: gate.reviews[gate.reviews.length - 1]?.comment ?? '',
    environment: gate.environment,
    environmentUrl: '',
    logUrl: '',
    creator: 'github-actions[bot]',
    createdAt: now,
  });
}

/**
 * Workflow runs (read) and the custom deployment protection rule callback: with `state` the App
 * approves or rejects its gate; with only `comment` it posts a status report and the gate waits.
 * @see https://docs.github.com/rest/actions/workflow-runs#review-custom-deployment-protection-rules-for-a-workflow-run
 */
export const workflowRunsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/actions/runs', { permission: 'actions' }, (ctx) => {
    const status = ctx.query.get('status');
    const runs = [...ctx.repo.workflowRuns.values()]
      .filter((run) => !status || run.status === status || run.conclusion === status)
      .sort((a, b) => b.id - a.id);
    const page = paginate({ items: runs, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      {
        total_count: runs.length,
        workflow_runs: page.items.map((run) => renderWorkflowRun(ctx.core, ctx.repo, run)),
      },
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}', { permission: 'actions' }, (ctx) =>
    ok(renderWorkflowRun(ctx.core, ctx.repo, findRun(ctx))),
  ),
  // Environments of the run still waiting on any protection rule (GitHub does not say which rule).
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
    { permission: 'actions' },
    (ctx) => {
      const run = findRun(ctx);
      const pending = [...new Set(run.gates.filter((g) => g.state === 'pending').map((g) => g.environment))];
      return ok(
        pending.map((name) => {
          const env =
            ctx.repo.environments.get(name) ??
            [...ctx.repo.environments.values()].find((e) => e.name.toLowerCase() === name.toLowerCase());
          return {
            environment: env ? renderEnvironment(ctx.core, ctx.repo, env) : { name },
            wait_timer: 0,
            wait_timer_started_at: null,
            current_user_can_approve: false,
            reviewers: [],
          };
        }),
      );
    },
  ),
  // The review history: every decision and status report posted on the run's gates.
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals',
    { permission: 'actions' },
    (ctx) => {
      const run = findRun(ctx);
      return ok(
        run.gates.flatMap((gate) =>
          gate.reviews.map((review) => ({
            state: review.state ?? 'pending',
            comment: review.comment ?? '',
            environments: [{ name: gate.environment }],
            user: renderUser(ctx.core, review.actor),
          })),
        ),
      );
    },
  ),
  repoRoute(
    'POST',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule',
    { permission: 'deployments' },
    (ctx) => {
      const run = findRun(ctx);
      if (ctx.actor.kind !== 'installation')
        throw forbidden('Resource not accessible by personal access token');
      const environment = reqString(ctx.body, 'environment_name');
      const state = optEnum(ctx.body, 'state', ['approved', 'rejected'] as const) ?? null;
      const comment = optString(ctx.body, 'comment') ?? null;
      if (!state && !comment) throw unprocessable('Invalid request.\n\n"comment" wasn\'t supplied.');
      const appId = ctx.actor.app.id;
      const gate = run.gates.find(
        (g) => g.environment.toLowerCase() === environment.toLowerCase() && g.appId === appId,
      );
      if (!gate || gate.state !== 'pending')
        throw unprocessable('No pending custom deployment protection rules found for this environment.');
      gate.reviews.push({
        environment: gate.environment,
        state,
        comment,
        actor: ctx.actor.login,
        at: timestamp(ctx.core),
      });
      if (state) {
        gate.state = state;
        settle(ctx, run, gate);
      }
      return noContent();
    },
  ),
];
