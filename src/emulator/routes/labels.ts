import { notFound, validationFailed } from '../http.js';
import { optString, reqString } from '../input.js';
import { paginate } from '../pagination.js';
import { findIssue } from '../ops/findPull.js';
import { emitIssue } from '../events/issues.js';
import { renderLabel } from '../render/issues.js';
import type { RouteDef } from '../router.js';
import type { Issue, Label, Repo } from '../state/types.js';
import { created, noContent, numParam, ok, param, repoRoute, type RepoCtx } from './define.js';

const issues = { permission: 'issues', level: 'triage' as const };

/** The repository label by that name, created (grey, as GitHub does) when missing. */
export function ensureLabel(repo: Repo, name: string, nextId: () => number): Label {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing) return existing;
  const label: Label = { id: nextId(), name, color: 'ededed', description: null, isDefault: false };
  repo.labels.set(name.toLowerCase(), label);
  return label;
}

function labelNames(ctx: RepoCtx): string[] {
  const raw: unknown = Array.isArray(ctx.json) ? ctx.json : ctx.body['labels'];
  if (!Array.isArray(raw))
    throw validationFailed([{ resource: 'Label', field: 'labels', code: 'missing_field' }]);
  return raw.map((l) =>
    typeof l === 'object' && l !== null ? String((l as Record<string, unknown>)['name']) : String(l),
  );
}

function issueLabels(ctx: RepoCtx, issue: Issue): Array<Record<string, unknown>> {
  return issue.labels.flatMap((name): Array<Record<string, unknown>> => {
    const label = renderLabel(ctx.core, ctx.repo, name);
    return label ? [label] : [];
  });
}

/** Sets an issue's labels (creating missing ones) and sends `labeled`/`unlabeled` for each change. */
export function applyLabels(ctx: RepoCtx, issue: Issue, names: string[]): void {
  const next: string[] = [];
  for (const name of names) {
    const label = ensureLabel(ctx.repo, name, ctx.core.state.nextId);
    if (!next.some((l) => l.toLowerCase() === label.name.toLowerCase())) next.push(label.name);
  }
  const had = (list: string[], name: string): boolean =>
    list.some((l) => l.toLowerCase() === name.toLowerCase());
  const removed = issue.labels.filter((l) => !had(next, l));
  const added = next.filter((l) => !had(issue.labels, l));
  issue.labels = next;
  const sender = ctx.actor.login ?? 'ghost';
  for (const label of removed)
    emitIssue(ctx.core, { repo: ctx.repo, issue, action: 'unlabeled', sender, label });
  for (const label of added) emitIssue(ctx.core, { repo: ctx.repo, issue, action: 'labeled', sender, label });
}

/** Issue labels and repository labels. */
export const labelsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/issues/{issue_number}/labels', { permission: 'issues' }, (ctx) =>
    ok(issueLabels(ctx, findIssue(ctx.repo, numParam(ctx, 'issue_number')))),
  ),
  repoRoute('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', issues, (ctx) => {
    const issue = findIssue(ctx.repo, numParam(ctx, 'issue_number'));
    applyLabels(ctx, issue, [...issue.labels, ...labelNames(ctx)]);
    return ok(issueLabels(ctx, issue));
  }),
  repoRoute('PUT', '/repos/{owner}/{repo}/issues/{issue_number}/labels', issues, (ctx) => {
    const issue = findIssue(ctx.repo, numParam(ctx, 'issue_number'));
    applyLabels(ctx, issue, labelNames(ctx));
    return ok(issueLabels(ctx, issue));
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', issues, (ctx) => {
    const issue = findIssue(ctx.repo, numParam(ctx, 'issue_number'));
    const name = param(ctx, 'name').toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === name)) throw notFound('Label does not exist');
    applyLabels(
      ctx,
      issue,
      issue.labels.filter((l) => l.toLowerCase() !== name),
    );
    return ok(issueLabels(ctx, issue));
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels', issues, (ctx) => {
    applyLabels(ctx, findIssue(ctx.repo, numParam(ctx, 'issue_number')), []);
    return noContent();
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/labels', { permission: 'issues' }, (ctx) => {
    const page = paginate({
      items: [...ctx.repo.labels.values()],
      query: ctx.query,
      url: ctx.core.url,
      path: ctx.path,
    });
    return ok(
      page.items.map((l) => renderLabel(ctx.core, ctx.repo, l.name)),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/labels/{name}', { permission: 'issues' }, (ctx) => {
    const label = renderLabel(ctx.core, ctx.repo, param(ctx, 'name'));
    if (!label) throw notFound();
    return ok(label);
  }),
  repoRoute('POST', '/repos/{owner}/{repo}/labels', { permission: 'issues' }, (ctx) => {
    const name = reqString(ctx.body, 'name');
    if (ctx.repo.labels.has(name.toLowerCase()))
      throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    const label = ensureLabel(ctx.repo, name, ctx.core.state.nextId);
    label.color = (optString(ctx.body, 'color') ?? 'ededed').replace(/^#/, '');
    label.description = optString(ctx.body, 'description') ?? null;
    return created(renderLabel(ctx.core, ctx.repo, name));
  }),
];
