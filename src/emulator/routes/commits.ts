import { htmlUrl, repoUrl, type Core } from '../core.js';
import { commitsBetween } from '../git/history.js';
import { notFound, unprocessable } from '../http.js';
import { paginate } from '../pagination.js';
import { changedFiles, type ChangedFile } from '../ops/pullFiles.js';
import { resolveRef } from '../ops/refs.js';
import { renderCommitSha, renderRepoCommit } from '../render/git.js';
import { renderPull } from '../render/pulls.js';
import type { RouteDef } from '../router.js';
import type { Repo } from '../state/types.js';
import { lookupPath } from '../git/trees.js';
import { ok, param, repoRoute } from './define.js';

const contents = { permission: 'contents' };

/** A changed file as the commits, compare and pull files APIs list it. */
export function renderFile(core: Core, repo: Repo, file: ChangedFile, ref: string): Record<string, unknown> {
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: htmlUrl(core, `${repo.owner}/${repo.name}/blob/${ref}/${path}`),
    raw_url: htmlUrl(core, `${repo.owner}/${repo.name}/raw/${ref}/${path}`),
    contents_url: `${repoUrl(core, repo)}/contents/${path}?ref=${ref}`,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(file.previousFilename ? { previous_filename: file.previousFilename } : {}),
  };
}

function commitWithFiles(core: Core, repo: Repo, sha: string): Record<string, unknown> {
  const commit = repo.git.commit(sha);
  if (!commit) throw notFound();
  const files = changedFiles(repo, commit.parents[0], sha);
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return {
    ...renderRepoCommit(core, repo, sha, commit),
    stats: { total: additions + deletions, additions, deletions },
    files: files.map((f) => renderFile(core, repo, f, sha)),
  };
}

function touches(repo: Repo, sha: string, path: string): boolean {
  const commit = repo.git.commit(sha);
  if (!commit) return false;
  const at = (s: string | undefined): string | undefined => {
    const tree = s ? repo.git.commit(s)?.tree : undefined;
    return tree ? lookupPath(repo.git, tree, path)?.sha : undefined;
  };
  return at(sha) !== at(commit.parents[0]);
}

/** Commits: one, a listing, and the pull requests of one. */
export const commitsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/commits/{ref}', contents, (ctx) => {
    const sha = resolveRef(ctx.repo, param(ctx, 'ref'));
    if (!sha) throw unprocessable(`No commit found for SHA: ${param(ctx, 'ref')}`);
    return ok(commitWithFiles(ctx.core, ctx.repo, sha));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/commits', contents, (ctx) => {
    const start = resolveRef(ctx.repo, ctx.query.get('sha') ?? ctx.repo.defaultBranch);
    if (!start) return ok([]);
    const path = ctx.query.get('path');
    const since = ctx.query.get('since');
    const until = ctx.query.get('until');
    const author = ctx.query.get('author')?.toLowerCase();
    const shas = commitsBetween(ctx.repo.git, undefined, start).reverse();
    const list = shas.filter((sha) => {
      const c = ctx.repo.git.commit(sha);
      if (!c) return false;
      if (path && !touches(ctx.repo, sha, path)) return false;
      if (since && c.committer.date < since) return false;
      if (until && c.committer.date > until) return false;
      if (author && c.authorLogin?.toLowerCase() !== author && c.author.email.toLowerCase() !== author)
        return false;
      return true;
    });
    const page = paginate({ items: list, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((sha) => renderCommitSha(ctx.core, ctx.repo, sha)),
      page.headers,
    );
  }),
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    { permission: 'pull_requests' },
    (ctx) => {
      const sha = resolveRef(ctx.repo, param(ctx, 'commit_sha'));
      if (!sha) throw unprocessable(`No commit found for SHA: ${param(ctx, 'commit_sha')}`);
      // GitHub lists the pull requests that merged the commit or carry it (merged ones first).
      const pulls = [...ctx.repo.issues.values()].filter((issue) => {
        const pull = issue.pull;
        if (!pull) return false;
        if (pull.mergeCommitSha === sha || pull.headSha === sha) return true;
        const base = pull.closedBaseSha ?? resolveRef(ctx.repo, pull.baseRef);
        return commitsBetween(ctx.repo.git, base, pull.headSha).includes(sha);
      });
      pulls.sort((a, b) => Number(b.pull?.merged) - Number(a.pull?.merged) || b.number - a.number);
      const page = paginate({ items: pulls, query: ctx.query, url: ctx.core.url, path: ctx.path });
      return ok(
        page.items.map((issue) => renderPull(ctx.core, ctx.repo, issue, false)),
        page.headers,
      );
    },
  ),
];
