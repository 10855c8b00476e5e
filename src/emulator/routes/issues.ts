import { timestamp } from '../core.js';
import { optArray, optEnum, optString, reqString } from '../input.js';
import { paginate } from '../pagination.js';
import { findIssue, type PullIssue } from '../ops/findPull.js';
import { renderIssue } from '../render/issues.js';
import type { RouteDef } from '../router.js';
import { findUser } from '../state/state.js';
import type { Issue } from '../state/types.js';
import { created, numParam, ok, repoRoute, type RepoCtx } from './define.js';
import { applyLabels, ensureLabel } from './labels.js';
import { emitIssue } from '../events/issues.js';
import { checkCanEdit, updatePull } from './pulls.js';

const issues = { permission: 'issues' };
const authoring = { permission: 'issues', level: 'read' as const, appLevel: 'write' as const };

function labelNamesOf(ctx: RepoCtx): string[] | undefined {
  return optArray(ctx.body, 'labels')?.map((l) =>
    typeof l === 'object' && l !== null ? String((l as Record<string, unknown>)['name']) : String(l),
  );
}

function setAssignees(ctx: RepoCtx, issue: Issue): void {
  const assignees = optArray(ctx.body, 'assignees');
  if (assignees) issue.assignees = assignees.flatMap((a) => findUser(ctx.core.state, String(a))?.login ?? []);
}

function updateIssue(ctx: RepoCtx, issue: Issue): void {
  checkCanEdit(ctx, issue);
  const sender = ctx.actor.login ?? 'ghost';
  const state = optEnum(ctx.body, 'state', ['open', 'closed'] as const);
  const now = timestamp(ctx.core);
  const changes: Record<string, unknown> = {};
  const title = optString(ctx.body, 'title');
  const body = optString(ctx.body, 'body');
  if (title !== undefined && title !== issue.title) changes['title'] = { from: issue.title };
  if (body !== undefined && body !== issue.body) changes['body'] = { from: issue.body ?? '' };
  issue.title = title ?? issue.title;
  issue.body = body ?? issue.body;
  issue.updatedAt = now;
  if (Object.keys(changes).length > 0)
    emitIssue(ctx.core, { repo: ctx.repo, issue, action: 'edited', sender, extra: { changes } });
  if (state === 'closed' && issue.state === 'open') {
    const reason = optString(ctx.body, 'state_reason') ?? 'completed';
    Object.assign(issue, { state, closedAt: now, closedBy: sender, stateReason: reason });
    emitIssue(ctx.core, { repo: ctx.repo, issue, action: 'closed', sender });
  } else if (state === 'open' && issue.state === 'closed') {
    Object.assign(issue, { state, closedAt: null, closedBy: null, stateReason: 'reopened' });
    emitIssue(ctx.core, { repo: ctx.repo, issue, action: 'reopened', sender });
  }
}

function listFilter(ctx: RepoCtx): Issue[] {
  const state = ctx.query.get('state') ?? 'open';
  const labels = (ctx.query.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const creator = ctx.query.get('creator')?.toLowerCase();
  const since = ctx.query.get('since');
  const list = [...ctx.repo.issues.values()].filter(
    (i) =>
      (state === 'all' || i.state === state) &&
      labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)) &&
      (!creator || i.user.toLowerCase() === creator) &&
      (!since || i.updatedAt >= since),
  );
  const sort = ctx.query.get('sort') ?? 'created';
  const key = (i: Issue): string =>
    (sort === 'updated' ? i.updatedAt : i.createdAt) + String(i.number).padStart(9, '0');
  list.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return (ctx.query.get('direction') ?? 'desc') === 'desc' ? list.reverse() : list;
}

/** Issues: list (pull requests included, as on GitHub), create, get, update. */
export const issuesRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/issues', issues, (ctx) => {
    const page = paginate({ items: listFilter(ctx), query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((i) => renderIssue(ctx.core, ctx.repo, i)),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/issues/{issue_number}', issues, (ctx) =>
    ok(renderIssue(ctx.core, ctx.repo, findIssue(ctx.repo, numParam(ctx, 'issue_number')))),
  ),
  repoRoute('POST', '/repos/{owner}/{repo}/issues', authoring, (ctx) => {
    const now = timestamp(ctx.core);
    const issue: Issue = {
      id: ctx.core.state.nextId(),
      number: ctx.repo.issues.size + 1,
      title: reqString(ctx.body, 'title'),
      body: optString(ctx.body, 'body') ?? null,
      user: ctx.actor.login ?? 'ghost',
      state: 'open',
      stateReason: null,
      labels: [],
      assignees: [],
      locked: false,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedBy: null,
      pull: null,
    };
    issue.labels = (labelNamesOf(ctx) ?? []).map(
      (name) => ensureLabel(ctx.repo, name, ctx.core.state.nextId).name,
    );
    setAssignees(ctx, issue);
    ctx.repo.issues.set(issue.number, issue);
    emitIssue(ctx.core, { repo: ctx.repo, issue, action: 'opened', sender: issue.user });
    return created(renderIssue(ctx.core, ctx.repo, issue));
  }),
  repoRoute('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', authoring, (ctx) => {
    const issue = findIssue(ctx.repo, numParam(ctx, 'issue_number'));
    if (issue.pull) updatePull(ctx, issue as PullIssue);
    else updateIssue(ctx, issue);
    const labels = labelNamesOf(ctx);
    if (labels) applyLabels(ctx, issue, labels);
    setAssignees(ctx, issue);
    return ok(renderIssue(ctx.core, ctx.repo, issue));
  }),
];
