import { notFound, unauthorized } from '../http.js';
import { renderBranch } from '../render/branches.js';
import { renderFullUser } from '../render/users.js';
import type { RouteDef } from '../router.js';
import { findUser } from '../state/state.js';
import { ok, param, repoRoute, route } from './define.js';
import { renderRepo } from '../render/repos.js';
import { paginate } from '../pagination.js';

/** Users, the authenticated user, rate limit, repositories and branches. */
export const usersRoutes: RouteDef[] = [
  route('GET', '/users/{username}', (ctx) => {
    const user = findUser(ctx.core.state, param(ctx, 'username'));
    if (!user) throw notFound();
    return ok(renderFullUser(ctx.core, user.login));
  }),
  route('GET', '/user', (ctx) => {
    if (ctx.actor.kind !== 'user') throw unauthorized('Requires authentication');
    return ok(renderFullUser(ctx.core, ctx.actor.login));
  }),
  route('GET', '/rate_limit', (ctx) => {
    const reset = Math.floor(ctx.core.now().getTime() / 1000) + 3600;
    const core = { limit: 5000, used: 0, remaining: 5000, reset };
    return ok({
      resources: { core, search: { ...core, limit: 30, remaining: 30 }, graphql: core },
      rate: core,
    });
  }),
  repoRoute('GET', '/repos/{owner}/{repo}', { permission: 'metadata' }, (ctx) =>
    ok(renderRepo(ctx.core, ctx.repo, ctx.actor)),
  ),
  repoRoute('GET', '/repos/{owner}/{repo}/branches', { permission: 'contents' }, (ctx) => {
    const names = [...ctx.repo.refs.keys()]
      .filter((r) => r.startsWith('refs/heads/'))
      .map((r) => r.slice(11))
      .sort();
    const page = paginate({ items: names, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((n) => renderBranch(ctx.core, ctx.repo, n, false)),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/branches/{branch}', { permission: 'contents' }, (ctx) => {
    const name = param(ctx, 'branch');
    if (!ctx.repo.refs.has(`refs/heads/${name}`)) throw notFound('Branch not found');
    return ok(renderBranch(ctx.core, ctx.repo, name, true));
  }),
];
