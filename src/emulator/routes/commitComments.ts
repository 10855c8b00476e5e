import { htmlUrl, repoUrl, timestamp, type Core } from '../core.js';
import { unprocessable } from '../http.js';
import { reqString } from '../input.js';
import { resolveRef } from '../ops/refs.js';
import { paginate } from '../pagination.js';
import { renderUser } from '../render/users.js';
import type { RouteDef } from '../router.js';
import type { CommitComment, Repo } from '../state/types.js';
import { created, ok, param, repoRoute } from './define.js';

function render(core: Core, repo: Repo, comment: CommitComment): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: Buffer.from(`014:CommitComment${comment.id}`).toString('base64'),
    url: `${repoUrl(core, repo)}/comments/${comment.id}`,
    html_url: htmlUrl(
      core,
      `${repo.owner}/${repo.name}/commit/${comment.commitId}#commitcomment-${comment.id}`,
    ),
    body: comment.body,
    path: null,
    position: null,
    line: null,
    commit_id: comment.commitId,
    user: renderUser(core, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'NONE',
  };
}

/**
 * Comments on commits: list and create.
 * @see https://docs.github.com/rest/commits/comments
 */
export const commitCommentsRoutes: RouteDef[] = [
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
    { permission: 'contents' },
    (ctx) => {
      const sha = resolveRef(ctx.repo, param(ctx, 'commit_sha'));
      const list = [...ctx.repo.commitComments.values()].filter((c) => c.commitId === sha);
      const page = paginate({ items: list, query: ctx.query, url: ctx.core.url, path: ctx.path });
      return ok(
        page.items.map((c) => render(ctx.core, ctx.repo, c)),
        page.headers,
      );
    },
  ),
  repoRoute(
    'POST',
    '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
    { permission: 'contents', level: 'read' as const, appLevel: 'write' as const },
    (ctx) => {
      const sha = resolveRef(ctx.repo, param(ctx, 'commit_sha'));
      if (!sha) throw unprocessable(`No commit found for SHA: ${param(ctx, 'commit_sha')}`);
      const now = timestamp(ctx.core);
      const comment: CommitComment = {
        id: ctx.core.state.nextId(),
        commitId: sha,
        user: ctx.actor.login ?? 'ghost',
        body: reqString(ctx.body, 'body'),
        createdAt: now,
        updatedAt: now,
      };
      ctx.repo.commitComments.set(comment.id, comment);
      return created(render(ctx.core, ctx.repo, comment));
    },
  ),
];
