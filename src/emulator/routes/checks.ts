import { timestamp } from '../core.js';
import { forbidden, notFound, unprocessable } from '../http.js';
import { optArray, optEnum, optObject, optString, reqString } from '../input.js';
import { paginate } from '../pagination.js';
import { resolveRef } from '../ops/refs.js';
import { renderCheckRun } from '../render/checks.js';
import { emitCheckRun } from '../events/checkRun.js';
import type { RouteDef } from '../router.js';
import type { Annotation, CheckRun } from '../state/types.js';
import { created, numParam, ok, param, repoRoute, type RepoCtx } from './define.js';

const checks = { permission: 'checks' };
const STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'] as const;
const CONCLUSIONS = [
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out',
] as const;
const ANNOTATION_FIELDS = ['path', 'start_line', 'end_line', 'annotation_level', 'message'] as const;

function annotations(output: Record<string, unknown> | undefined): Annotation[] {
  const list = output ? (optArray(output, 'annotations') ?? []) : [];
  if (list.length > 50)
    throw unprocessable(
      `Invalid request.\n\nNo more than 50 items are allowed; ${list.length} were supplied.`,
    );
  const missing = list.flatMap((raw) => {
    const a = (raw ?? {}) as Record<string, unknown>;
    const absent = ANNOTATION_FIELDS.filter((f) => a[f] === undefined || a[f] === null);
    return absent.length > 0 ? [`${absent.map((f) => `"${f}"`).join(', ')} weren't supplied.`] : [];
  });
  if (missing.length > 0) throw unprocessable(`Invalid request.\n\n${missing.join('\n')}`);
  return list as Annotation[];
}

function applyOutput(run: CheckRun, ctx: RepoCtx): void {
  const output = optObject(ctx.body, 'output');
  const added = annotations(output);
  if (output) {
    run.output.title = optString(output, 'title') ?? run.output.title;
    run.output.summary = optString(output, 'summary') ?? run.output.summary;
    run.output.text = optString(output, 'text') ?? run.output.text;
    run.output.annotations.push(...added);
  }
  const status = optEnum(ctx.body, 'status', STATUSES);
  const conclusion = optEnum(ctx.body, 'conclusion', CONCLUSIONS);
  if (status) run.status = status;
  if (conclusion) {
    run.conclusion = conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed' && !run.conclusion)
    throw unprocessable('Invalid request.\n\n"conclusion" wasn\'t supplied.');
  if (run.status === 'completed')
    run.completedAt = optString(ctx.body, 'completed_at') ?? run.completedAt ?? timestamp(ctx.core);
  run.detailsUrl = optString(ctx.body, 'details_url') ?? run.detailsUrl;
  run.externalId = optString(ctx.body, 'external_id') ?? run.externalId;
  run.name = optString(ctx.body, 'name') ?? run.name;
  run.actions = optArray(ctx.body, 'actions') ?? run.actions;
}

function appIdOf(ctx: RepoCtx): number {
  if (ctx.actor.kind !== 'installation') throw forbidden('You must authenticate via a GitHub App.');
  return ctx.actor.app.id;
}

/** Check runs: create, update, get, list for a ref, annotations. */
export const checksRoutes: RouteDef[] = [
  repoRoute('POST', '/repos/{owner}/{repo}/check-runs', checks, (ctx) => {
    const appId = appIdOf(ctx);
    const headSha = reqString(ctx.body, 'head_sha');
    const name = reqString(ctx.body, 'name');
    if (!ctx.repo.git.commit(headSha)) throw unprocessable('No commit found for SHA: ' + headSha);
    const run: CheckRun = {
      id: ctx.core.state.nextId(),
      appId,
      name,
      headSha,
      status: 'queued',
      conclusion: null,
      startedAt: optString(ctx.body, 'started_at') ?? timestamp(ctx.core),
      completedAt: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      detailsUrl: null,
      externalId: null,
      actions: [],
      checkSuiteId: ctx.core.state.nextId(),
    };
    applyOutput(run, ctx);
    ctx.repo.checkRuns.set(run.id, run);
    const sender = ctx.actor.login ?? 'ghost';
    emitCheckRun(ctx.core, { repo: ctx.repo, run, action: 'created', sender });
    if (run.status === 'completed')
      emitCheckRun(ctx.core, { repo: ctx.repo, run, action: 'completed', sender });
    return created(renderCheckRun(ctx.core, ctx.repo, run));
  }),
  repoRoute('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', checks, (ctx) => {
    const run = ctx.repo.checkRuns.get(numParam(ctx, 'check_run_id'));
    if (!run) throw notFound();
    if (run.appId !== appIdOf(ctx))
      throw forbidden(
        'Invalid app_id `' +
          String(run.appId) +
          '` - check run can only be modified by the GitHub App that created it.',
      );
    const wasCompleted = run.status === 'completed';
    applyOutput(run, ctx);
    if (!wasCompleted && run.status === 'completed')
      emitCheckRun(ctx.core, {
        repo: ctx.repo,
        run,
        action: 'completed',
        sender: ctx.actor.login ?? 'ghost',
      });
    return ok(renderCheckRun(ctx.core, ctx.repo, run));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', checks, (ctx) => {
    const run = ctx.repo.checkRuns.get(numParam(ctx, 'check_run_id'));
    if (!run) throw notFound();
    return ok(renderCheckRun(ctx.core, ctx.repo, run));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', checks, (ctx) => {
    const run = ctx.repo.checkRuns.get(numParam(ctx, 'check_run_id'));
    if (!run) throw notFound();
    const page = paginate({
      items: run.output.annotations,
      query: ctx.query,
      url: ctx.core.url,
      path: ctx.path,
    });
    return ok(
      page.items.map((a) => ({ blob_href: '', ...a })),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', checks, (ctx) => {
    const sha = resolveRef(ctx.repo, param(ctx, 'ref'));
    if (!sha) throw unprocessable(`No commit found for SHA: ${param(ctx, 'ref')}`);
    const name = ctx.query.get('check_name');
    const status = ctx.query.get('status');
    const appId = ctx.query.get('app_id');
    let runs = [...ctx.repo.checkRuns.values()].filter(
      (r) =>
        r.headSha === sha &&
        (!name || r.name === name) &&
        (!status || r.status === status) &&
        (!appId || String(r.appId) === appId),
    );
    if ((ctx.query.get('filter') ?? 'latest') === 'latest') {
      const latest = new Map<string, CheckRun>();
      for (const r of runs.sort((a, b) => a.id - b.id)) latest.set(`${r.appId}:${r.name}`, r);
      runs = [...latest.values()];
    }
    runs.sort((a, b) => b.id - a.id);
    const page = paginate({ items: runs, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      { total_count: runs.length, check_runs: page.items.map((r) => renderCheckRun(ctx.core, ctx.repo, r)) },
      page.headers,
    );
  }),
];
