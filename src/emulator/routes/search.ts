import { checkRepoAccess } from '../access.js';
import { HttpError } from '../http.js';
import { paginate } from '../pagination.js';
import { matchesIssueQuery, parseIssueQuery } from '../ops/searchIssues.js';
import { renderIssue } from '../render/issues.js';
import type { RouteDef } from '../router.js';
import type { Repo } from '../state/types.js';
import { ok, route } from './define.js';

function readable(ctx: Parameters<RouteDef['handler']>[0], repo: Repo): boolean {
  try {
    checkRepoAccess(ctx.core, ctx.actor, repo, { level: 'read', permission: 'issues' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `GET /search/issues` over the repositories the caller can read, with the qualifiers apps use
 * (`repo:`, `org:`, `is:pr|issue|open|closed|merged`, `label:`, `author:`, `head:`, `base:`, `in:`)
 * and free-text terms. Results are exact, never `incomplete_results`.
 */
export const searchRoutes: RouteDef[] = [
  route('GET', '/search/issues', (ctx) => {
    const q = ctx.query.get('q');
    if (!q)
      throw new HttpError(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'Search', field: 'q', code: 'missing' }],
      });
    const query = parseIssueQuery(q);
    const hits = [...ctx.core.state.repos.values()]
      .filter((repo) => readable(ctx, repo))
      .flatMap((repo) =>
        [...repo.issues.values()]
          .filter((i) => matchesIssueQuery(repo, i, query))
          .map((issue) => ({ repo, issue })),
      );
    const sort = ctx.query.get('sort');
    const key = (h: (typeof hits)[number]): string =>
      (sort === 'updated' ? h.issue.updatedAt : h.issue.createdAt) + String(h.issue.id).padStart(12, '0');
    hits.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    if ((ctx.query.get('order') ?? 'desc') === 'desc') hits.reverse();
    const page = paginate({ items: hits, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      {
        total_count: hits.length,
        incomplete_results: false,
        items: page.items.map((h) => ({ ...renderIssue(ctx.core, h.repo, h.issue), score: 1 })),
      },
      { ...page.headers, 'x-ratelimit-resource': 'search' },
    );
  }),
];
