import { timestamp } from '../core.js';
import { forbidden, notFound } from '../http.js';
import { reqString } from '../input.js';
import { paginate } from '../pagination.js';
import { findIssue } from '../ops/findPull.js';
import { emitIssueComment } from '../events/issues.js';
import { renderComment } from '../render/issues.js';
import type { RouteDef } from '../router.js';
import type { IssueComment } from '../state/types.js';
import { created, noContent, numParam, ok, repoRoute, type RepoCtx } from './define.js';

const issues = { permission: 'issues' };
const commenting = { permission: 'issues', level: 'read' as const, appLevel: 'write' as const };

function findComment(ctx: RepoCtx): IssueComment {
  const comment = ctx.repo.comments.get(numParam(ctx, 'comment_id'));
  if (!comment) throw notFound();
  return comment;
}

function checkAuthor(ctx: RepoCtx, comment: IssueComment): void {
  if (ctx.actor.kind === 'installation') return;
  if (ctx.actor.login?.toLowerCase() !== comment.user.toLowerCase())
    throw forbidden('Must have admin rights to Repository.');
}

function emitCommentChange(
  ctx: RepoCtx,
  comment: IssueComment,
  action: string,
  extra: Record<string, unknown>,
): void {
  const issue = ctx.repo.issues.get(comment.issueNumber);
  if (issue)
    emitIssueComment(ctx.core, {
      repo: ctx.repo,
      issue,
      comment,
      action,
      sender: ctx.actor.login ?? 'ghost',
      extra,
    });
}

/** Issue comments. Comments on pull requests go through these routes, as on GitHub. */
export const commentsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', issues, (ctx) => {
    const number = findIssue(ctx.repo, numParam(ctx, 'issue_number')).number;
    const since = ctx.query.get('since');
    const list = [...ctx.repo.comments.values()].filter(
      (c) => c.issueNumber === number && (!since || c.updatedAt >= since),
    );
    const page = paginate({ items: list, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((c) => renderComment(ctx.core, ctx.repo, c)),
      page.headers,
    );
  }),
  repoRoute('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', commenting, (ctx) => {
    const issue = findIssue(ctx.repo, numParam(ctx, 'issue_number'));
    const now = timestamp(ctx.core);
    const comment: IssueComment = {
      id: ctx.core.state.nextId(),
      issueNumber: issue.number,
      user: ctx.actor.login ?? 'ghost',
      body: reqString(ctx.body, 'body'),
      createdAt: now,
      updatedAt: now,
    };
    ctx.repo.comments.set(comment.id, comment);
    issue.updatedAt = now;
    emitIssueComment(ctx.core, { repo: ctx.repo, issue, comment, action: 'created', sender: comment.user });
    return created(renderComment(ctx.core, ctx.repo, comment));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', issues, (ctx) =>
    ok(renderComment(ctx.core, ctx.repo, findComment(ctx))),
  ),
  repoRoute('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', commenting, (ctx) => {
    const comment = findComment(ctx);
    checkAuthor(ctx, comment);
    const from = comment.body;
    comment.body = reqString(ctx.body, 'body');
    comment.updatedAt = timestamp(ctx.core);
    emitCommentChange(ctx, comment, 'edited', { changes: { body: { from } } });
    return ok(renderComment(ctx.core, ctx.repo, comment));
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', commenting, (ctx) => {
    const comment = findComment(ctx);
    checkAuthor(ctx, comment);
    ctx.repo.comments.delete(comment.id);
    emitCommentChange(ctx, comment, 'deleted', {});
    return noContent();
  }),
];
