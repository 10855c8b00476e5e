import { htmlUrl, repoUrl } from '../core.js';
import { commitsBetween, mergeBase } from '../git/history.js';
import { notFound, type HttpResult } from '../http.js';
import { queryInt } from '../input.js';
import { paginate } from '../pagination.js';
import { changedFiles } from '../ops/pullFiles.js';
import { resolveRef } from '../ops/refs.js';
import { renderCommitSha } from '../render/git.js';
import type { RouteDef } from '../router.js';
import { renderFile } from './commits.js';
import { ok, param, repoRoute, type RepoCtx } from './define.js';

/** GitHub lists at most this many files of a comparison, on its first page. */
export const COMPARE_FILES = 300;
/** Commits of a comparison asked for without `page` or `per_page`: the most recent ones. */
export const COMPARE_UNPAGED_COMMITS = 250;

/**
 * `GET /compare/{base}...{head}`: commits and files between two commits (three dots: from the merge
 * base). As GitHub documents (https://docs.github.com/rest/commits/commits#compare-two-commits):
 * without `page` or `per_page`, the last 250 commits; with them, commits are paged (Link header) and
 * the files (at most 300 for the whole comparison) come on the first page only. Unknown refs and
 * histories with no common ancestor are 404.
 */
function compare(ctx: RepoCtx, basehead: string): HttpResult {
  const [baseRef, headRef] = basehead.includes('...') ? basehead.split('...') : basehead.split('..');
  const base = baseRef ? resolveRef(ctx.repo, baseRef) : undefined;
  const head = headRef ? resolveRef(ctx.repo, headRef) : undefined;
  if (!base || !head) throw notFound();
  const mb = mergeBase(ctx.repo.git, base, head);
  if (!mb) throw notFound(`No common ancestor between ${baseRef} and ${headRef}.`);
  const ahead = commitsBetween(ctx.repo.git, base, head);
  const behind = commitsBetween(ctx.repo.git, head, base);
  const status =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const paged = ctx.query.has('page') || ctx.query.has('per_page');
  const page = paged
    ? paginate({ items: ahead, query: ctx.query, url: ctx.core.url, path: ctx.path })
    : { items: ahead.slice(-COMPARE_UNPAGED_COMMITS), headers: {} };
  const firstPage = !paged || queryInt(ctx.query, 'page', 1) === 1;
  const files = firstPage ? changedFiles(ctx.repo, mb, head).slice(0, COMPARE_FILES) : [];
  const render = (sha: string): Record<string, unknown> => renderCommitSha(ctx.core, ctx.repo, sha);
  const url = repoUrl(ctx.core, ctx.repo);
  return ok(
    {
      url: `${url}/compare/${basehead}`,
      html_url: htmlUrl(ctx.core, `${ctx.repo.owner}/${ctx.repo.name}/compare/${basehead}`),
      base_commit: render(base),
      merge_base_commit: render(mb),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: page.items.map(render),
      files: files.map((f) => renderFile(ctx.core, ctx.repo, f, head)),
    },
    page.headers,
  );
}

const contents = { permission: 'contents' };

/** Comparisons of two commits. */
export const compareRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/compare/{basehead}', contents, (ctx) =>
    compare(ctx, param(ctx, 'basehead')),
  ),
  repoRoute('GET', '/repos/{owner}/{repo}/compare/{base}...{head}', contents, (ctx) =>
    compare(ctx, `${param(ctx, 'base')}...${param(ctx, 'head')}`),
  ),
];
