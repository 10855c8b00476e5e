import type { Core } from './core.js';
import { HttpError, unauthorized } from './http.js';
import { verifyAppJwt } from './jwt.js';
import { botLogin, findApp } from './state/state.js';
import type { App, Installation, PermissionLevel } from './state/types.js';

/** Who is calling: every request is attributed to one of these. */
export type Actor =
  | { kind: 'anonymous'; login: null }
  | { kind: 'user'; login: string }
  | { kind: 'app'; login: string; app: App }
  | {
      kind: 'installation';
      login: string;
      app: App;
      installation: Installation;
      permissions: Record<string, PermissionLevel>;
      repositoryIds: Set<number> | null;
    };

const ANONYMOUS: Actor = { kind: 'anonymous', login: null };

/**
 * Resolves the `Authorization` header: `token <t>` / `Bearer <t>` for user and installation tokens,
 * `Bearer <jwt>` for the App itself. Unknown or expired credentials answer 401 `Bad credentials`.
 */
export function authenticate(core: Core, header: string | undefined): Actor | HttpError {
  if (!header) return ANONYMOUS;
  const match = /^(token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (!match) return unauthorized();
  const token = match[2] as string;
  const grant = core.state.tokens.get(token);
  // Credentials expire by the wall clock, as the clients that mint them count: an injected `now`
  // (to fast-forward grants) must not expire the App's JWTs and tokens.
  const nowMs = Date.now();
  if (grant?.kind === 'user') return { kind: 'user', login: grant.login };
  if (grant?.kind === 'installation') {
    const installation = core.state.installations.get(grant.installationId);
    const app = installation && findApp(core.state, installation.appId);
    if (!installation || !app || grant.expiresAt <= nowMs) return unauthorized();
    return {
      kind: 'installation',
      login: botLogin(app),
      app,
      installation,
      permissions: grant.permissions,
      repositoryIds: grant.repositoryIds,
    };
  }
  if (token.split('.').length === 3) {
    const app = verifyAppJwt({ token, apps: core.state.apps.values(), nowSeconds: Math.floor(nowMs / 1000) });
    return app instanceof HttpError ? app : { kind: 'app', login: app.slug, app };
  }
  return unauthorized();
}
