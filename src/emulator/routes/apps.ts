import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth.js';
import { forbidden, HttpError, notFound, unprocessable } from '../http.js';
import { optArray, optObject } from '../input.js';
import { paginate } from '../pagination.js';
import { renderApp, renderInstallation } from '../render/apps.js';
import { renderRepo } from '../render/repos.js';
import type { RouteDef } from '../router.js';
import { findOrg, findRepo, findUser, installationRepos, installationsFor } from '../state/state.js';
import type { App, Installation, PermissionLevel } from '../state/types.js';
import { created, numParam, ok, param, route } from './define.js';

const JWT_ONLY = 'A JSON web token could not be decoded';

/** The App behind a JWT; other callers get GitHub's 401 for these endpoints. */
export function requireApp(actor: Actor): App {
  if (actor.kind === 'anonymous')
    throw new HttpError(401, { message: 'Requires authentication', status: '401' });
  if (actor.kind !== 'app') throw new HttpError(401, { message: JWT_ONLY, status: '401' });
  return actor.app;
}

function ownInstallation(actor: Actor, installations: Iterable<Installation>, id: number): Installation {
  const app = requireApp(actor);
  const installation = [...installations].find((i) => i.id === id && i.appId === app.id);
  if (!installation) throw notFound('Not Found');
  return installation;
}

function narrowPermissions(
  granted: Record<string, PermissionLevel>,
  asked: Record<string, unknown> | undefined,
): Record<string, PermissionLevel> {
  if (!asked) return { ...granted, metadata: 'read' };
  const out: Record<string, PermissionLevel> = { metadata: 'read' };
  for (const [name, level] of Object.entries(asked)) {
    const has = granted[name];
    if (!has || (level === 'write' && has !== 'write'))
      throw unprocessable(`The permissions requested are not granted to this installation.`);
    out[name] = level === 'write' ? 'write' : 'read';
  }
  return out;
}

/** `/app`, `/app/installations...`, installation lookups and installation tokens. */
export const appsRoutes: RouteDef[] = [
  route('GET', '/app', (ctx) => ok(renderApp(ctx.core, requireApp(ctx.actor)))),
  route('GET', '/app/installations', (ctx) => {
    const app = requireApp(ctx.actor);
    const all = [...ctx.core.state.installations.values()].filter((i) => i.appId === app.id);
    const page = paginate({ items: all, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((i) => renderInstallation(ctx.core, i)),
      page.headers,
    );
  }),
  route('GET', '/app/installations/{installation_id}', (ctx) =>
    ok(
      renderInstallation(
        ctx.core,
        ownInstallation(ctx.actor, ctx.core.state.installations.values(), numParam(ctx, 'installation_id')),
      ),
    ),
  ),
  route('POST', '/app/installations/{installation_id}/access_tokens', (ctx) => {
    const { state } = ctx.core;
    const installation = ownInstallation(
      ctx.actor,
      state.installations.values(),
      numParam(ctx, 'installation_id'),
    );
    const visible = installationRepos(state, installation);
    const names = optArray(ctx.body, 'repositories')?.map(String);
    const ids = optArray(ctx.body, 'repository_ids')?.map(Number);
    let selected: typeof visible | null = null;
    if (names || ids) {
      selected = visible.filter((r) => names?.includes(r.name) || ids?.includes(r.id));
      if (selected.length !== (names?.length ?? 0) + (ids?.length ?? 0))
        throw unprocessable(
          'There is at least one repository that does not exist or is not accessible to the parent installation.',
        );
    }
    const permissions = narrowPermissions(installation.permissions, optObject(ctx.body, 'permissions'));
    const token = `ghs_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
    const expiresAt = Date.now() + 3600_000;
    state.tokens.set(token, {
      kind: 'installation',
      installationId: installation.id,
      expiresAt,
      permissions,
      repositoryIds: selected ? new Set(selected.map((r) => r.id)) : null,
    });
    return created({
      token,
      expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      permissions,
      repository_selection: selected ? 'selected' : installation.repositorySelection,
      ...(selected ? { repositories: selected.map((r) => renderRepo(ctx.core, r)) } : {}),
    });
  }),
  route('GET', '/repos/{owner}/{repo}/installation', (ctx) => {
    const app = requireApp(ctx.actor);
    const repo = findRepo(ctx.core.state, param(ctx, 'owner'), param(ctx, 'repo'));
    const installation = repo && installationsFor(ctx.core.state, repo).find((i) => i.appId === app.id);
    if (!installation) throw notFound();
    return ok(renderInstallation(ctx.core, installation));
  }),
  route('GET', '/orgs/{org}/installation', (ctx) => {
    const app = requireApp(ctx.actor);
    const org = findOrg(ctx.core.state, param(ctx, 'org'));
    const installation = [...ctx.core.state.installations.values()].find(
      (i) => i.appId === app.id && org && i.account.toLowerCase() === org.login.toLowerCase(),
    );
    if (!installation) throw notFound();
    return ok(renderInstallation(ctx.core, installation));
  }),
  route('GET', '/users/{username}/installation', (ctx) => {
    const app = requireApp(ctx.actor);
    const user = findUser(ctx.core.state, param(ctx, 'username'));
    const installation = [...ctx.core.state.installations.values()].find(
      (i) => i.appId === app.id && user && i.account.toLowerCase() === user.login.toLowerCase(),
    );
    if (!installation) throw notFound();
    return ok(renderInstallation(ctx.core, installation));
  }),
  route('GET', '/installation/repositories', (ctx) => {
    if (ctx.actor.kind !== 'installation')
      throw forbidden(
        'You must authenticate with an installation access token in order to list repositories for an installation.',
      );
    const { actor } = ctx;
    const repos = installationRepos(ctx.core.state, actor.installation).filter(
      (r) => !actor.repositoryIds || actor.repositoryIds.has(r.id),
    );
    const page = paginate({ items: repos, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      {
        total_count: repos.length,
        repository_selection: actor.repositoryIds ? 'selected' : actor.installation.repositorySelection,
        repositories: page.items.map((r) => renderRepo(ctx.core, r, actor)),
      },
      page.headers,
    );
  }),
  route('DELETE', '/installation/token', (ctx) => {
    const header = ctx.headers.authorization ?? '';
    ctx.core.state.tokens.delete(header.replace(/^(token|bearer)\s+/i, '').trim());
    return { status: 204 };
  }),
];
