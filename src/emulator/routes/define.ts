import { checkOrgAccess, checkRepoAccess, type AccessLevel } from '../access.js';
import type { HttpResult } from '../http.js';
import { notFound } from '../http.js';
import type { Ctx, RouteDef } from '../router.js';
import { findOrg, findRepo } from '../state/state.js';
import type { Org, Repo } from '../state/types.js';

type Method = RouteDef['method'];

/** A handler's context once the repository of `/repos/{owner}/{repo}/...` is resolved and allowed. */
export interface RepoCtx extends Ctx {
  repo: Repo;
}

export interface OrgCtx extends Ctx {
  org: Org;
}

/** Access a repository route needs: the installation permission and the user's level. */
export interface RepoNeed {
  /** GitHub App permission name (`contents`, `pull_requests`, `checks`, ...). */
  permission: string;
  /** User access level; defaults to `read` for GET and `write` otherwise. */
  level?: AccessLevel;
  /** Installation permission level, when it differs from the user's (e.g. reviews need `write`). */
  appLevel?: AccessLevel;
}

/** Reads a path parameter, answering 404 when absent. */
export function param(ctx: Ctx, name: string): string {
  const value = ctx.params[name];
  if (value === undefined || value === '') throw notFound();
  return value;
}

/** Reads a numeric path parameter, answering 404 when absent or not a number. */
export function numParam(ctx: Ctx, name: string): number {
  const value = Number(param(ctx, name));
  if (!Number.isInteger(value)) throw notFound();
  return value;
}

/** Defines a route under `/repos/{owner}/{repo}`: resolves the repository and checks access first. */
export function repoRoute(
  method: Method,
  path: string,
  need: RepoNeed,
  handler: (ctx: RepoCtx) => HttpResult | Promise<HttpResult>,
): RouteDef {
  return {
    method,
    path,
    handler: (ctx) => {
      const repo = findRepo(ctx.core.state, param(ctx, 'owner'), param(ctx, 'repo'));
      if (!repo) throw notFound();
      const level = need.level ?? (method === 'GET' ? 'read' : 'write');
      if (ctx.actor.kind === 'installation')
        checkRepoAccess(ctx.core, ctx.actor, repo, {
          level: need.appLevel ?? (method === 'GET' ? 'read' : 'write'),
          permission: need.permission,
        });
      else checkRepoAccess(ctx.core, ctx.actor, repo, { level, permission: need.permission });
      return handler({ ...ctx, repo });
    },
  };
}

/** Defines a route under `/orgs/{org}`: resolves the organization and checks read access. */
export function orgRoute(
  method: Method,
  path: string,
  handler: (ctx: OrgCtx) => HttpResult | Promise<HttpResult>,
): RouteDef {
  return {
    method,
    path,
    handler: (ctx) => {
      const org = findOrg(ctx.core.state, param(ctx, 'org'));
      if (!org) throw notFound();
      checkOrgAccess(ctx.core, ctx.actor, org, 'read');
      return handler({ ...ctx, org });
    },
  };
}

/** Defines a route with no resource check (the handler checks what it needs). */
export function route(method: Method, path: string, handler: RouteDef['handler']): RouteDef {
  return { method, path, handler };
}

/** 200 with a JSON body. */
export function ok(body: unknown, headers?: Record<string, string>): HttpResult {
  return { status: 200, body, headers };
}

/** 201 with a JSON body. */
export function created(body: unknown, headers?: Record<string, string>): HttpResult {
  return { status: 201, body, headers };
}

/** 204 No Content. */
export function noContent(): HttpResult {
  return { status: 204 };
}
