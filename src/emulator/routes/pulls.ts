import { permits, userRepoPermission } from '../access.js';
import type { Actor } from '../auth.js';
import { timestamp } from '../core.js';
import { emitPullRequest } from '../events/pullRequest.js';
import { commitsBetween } from '../git/history.js';
import { forbidden, unprocessable, validationFailed } from '../http.js';
import { optBool, optEnum, optString, reqString } from '../input.js';
import { paginate } from '../pagination.js';
import { findPull, type PullIssue } from '../ops/findPull.js';
import { branchHead } from '../ops/refs.js';
import { renderPull } from '../render/pulls.js';
import type { RouteDef } from '../router.js';
import type { Issue, Repo } from '../state/types.js';
import { created, numParam, ok, repoRoute, type RepoCtx } from './define.js';

const pulls = { permission: 'pull_requests' };

function headBranch(repo: Repo, head: string): string {
  const [owner, branch] = head.includes(':') ? head.split(':', 2) : [repo.owner, head];
  if (owner?.toLowerCase() !== repo.owner.toLowerCase() || !branch)
    throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  return branch;
}

/** Only the author or someone with write access may change a pull request. */
export function checkCanEdit(ctx: RepoCtx, issue: Issue): void {
  const actor: Actor = ctx.actor;
  if (actor.kind !== 'user' || actor.login.toLowerCase() === issue.user.toLowerCase()) return;
  if (!permits(userRepoPermission(ctx.core.state, ctx.repo, actor.login), 'triage'))
    throw forbidden('Must have push access to this repository.');
}

function createPull(ctx: RepoCtx): PullIssue {
  const { repo } = ctx;
  const title = reqString(ctx.body, 'title');
  const head = headBranch(repo, reqString(ctx.body, 'head'));
  const base = reqString(ctx.body, 'base');
  const baseSha = branchHead(repo, base);
  const headSha = branchHead(repo, head);
  if (!baseSha) throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
  if (!headSha) throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  const dup = [...repo.issues.values()].find(
    (i) => i.state === 'open' && i.pull?.headRef === head && i.pull.baseRef === base,
  );
  if (dup)
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${repo.owner}:${head}.`,
      },
    ]);
  if (commitsBetween(repo.git, baseSha, headSha).length === 0)
    throw validationFailed([
      { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` },
    ]);
  const now = timestamp(ctx.core);
  const issue: PullIssue = {
    id: ctx.core.state.nextId(),
    number: repo.issues.size + 1,
    title,
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
    pull: {
      id: ctx.core.state.nextId(),
      headRef: head,
      headSha,
      baseRef: base,
      draft: optBool(ctx.body, 'draft') ?? false,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      closedBaseSha: null,
      maintainerCanModify: optBool(ctx.body, 'maintainer_can_modify') ?? true,
      reviews: [],
      requestedReviewers: [],
      requestedTeams: [],
    },
  };
  repo.issues.set(issue.number, issue);
  emitPullRequest(ctx.core, { repo, issue, action: 'opened', sender: issue.user });
  return issue;
}

/** Applies `title`, `body`, `base` and `state` changes with GitHub's `edited`/`closed`/`reopened` events. */
export function updatePull(ctx: RepoCtx, issue: PullIssue): void {
  checkCanEdit(ctx, issue);
  const sender = ctx.actor.login ?? 'ghost';
  const changes: Record<string, unknown> = {};
  const title = optString(ctx.body, 'title');
  const body = optString(ctx.body, 'body');
  const base = optString(ctx.body, 'base');
  const state = optEnum(ctx.body, 'state', ['open', 'closed'] as const);
  if (title !== undefined && title !== issue.title) changes['title'] = { from: issue.title };
  if (body !== undefined && body !== issue.body) changes['body'] = { from: issue.body ?? '' };
  if (base !== undefined && base !== issue.pull.baseRef) {
    if (!branchHead(ctx.repo, base))
      throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    changes['base'] = {
      ref: { from: issue.pull.baseRef },
      sha: { from: branchHead(ctx.repo, issue.pull.baseRef) ?? null },
    };
    issue.pull.baseRef = base;
  }
  if (title !== undefined) issue.title = title;
  if (body !== undefined) issue.body = body;
  const now = timestamp(ctx.core);
  issue.updatedAt = now;
  if (Object.keys(changes).length > 0)
    emitPullRequest(ctx.core, { repo: ctx.repo, issue, action: 'edited', sender, extra: { changes } });
  if (state === 'closed' && issue.state === 'open') {
    issue.pull.closedBaseSha = branchHead(ctx.repo, issue.pull.baseRef) ?? null;
    Object.assign(issue, { state: 'closed', closedAt: now, closedBy: sender });
    emitPullRequest(ctx.core, { repo: ctx.repo, issue, action: 'closed', sender });
  } else if (state === 'open' && issue.state === 'closed') {
    if (issue.pull.merged) throw unprocessable('Cannot reopen a merged pull request');
    const head = branchHead(ctx.repo, issue.pull.headRef);
    if (!head)
      throw validationFailed([
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'state cannot be changed. The head branch was deleted.',
        },
      ]);
    issue.pull.headSha = head;
    issue.pull.closedBaseSha = null;
    Object.assign(issue, { state: 'open', closedAt: null, closedBy: null });
    emitPullRequest(ctx.core, { repo: ctx.repo, issue, action: 'reopened', sender });
  }
}

function listFilter(ctx: RepoCtx): PullIssue[] {
  const state = ctx.query.get('state') ?? 'open';
  const head = ctx.query.get('head');
  const base = ctx.query.get('base');
  const headRef = head ? (head.includes(':') ? head.split(':', 2) : [ctx.repo.owner, head]) : undefined;
  const sort = ctx.query.get('sort') ?? 'created';
  const direction = ctx.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  const list = [...ctx.repo.issues.values()].filter(
    (i): i is PullIssue =>
      !!i.pull &&
      (state === 'all' || i.state === state) &&
      (!headRef ||
        (headRef[0]?.toLowerCase() === ctx.repo.owner.toLowerCase() && i.pull.headRef === headRef[1])) &&
      (!base || i.pull.baseRef === base),
  );
  const key = (i: PullIssue): string =>
    (sort === 'updated' ? i.updatedAt : i.createdAt) + String(i.number).padStart(9, '0');
  list.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return direction === 'desc' ? list.reverse() : list;
}

/** Pull requests: list, create, get, update. */
export const pullsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/pulls', pulls, (ctx) => {
    const page = paginate({ items: listFilter(ctx), query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((i) => renderPull(ctx.core, ctx.repo, i, false)),
      page.headers,
    );
  }),
  repoRoute('POST', '/repos/{owner}/{repo}/pulls', { ...pulls, level: 'read' }, (ctx) =>
    created(renderPull(ctx.core, ctx.repo, createPull(ctx), true)),
  ),
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', pulls, (ctx) =>
    ok(renderPull(ctx.core, ctx.repo, findPull(ctx.repo, numParam(ctx, 'pull_number')), true)),
  ),
  repoRoute('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', { ...pulls, level: 'read' }, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    updatePull(ctx, issue);
    return ok(renderPull(ctx.core, ctx.repo, issue, true));
  }),
];
