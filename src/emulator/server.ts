import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, type Actor } from './auth.js';
import { serveCodeload, serveRaw } from './codeload.js';
import { timestamp, type Core } from './core.js';
import type { Faults } from './faults.js';
import { HttpError, type HttpResult } from './http.js';
import type { RouteTable } from './routeTable.js';
import type { Router } from './router.js';

/** One request as the emulator saw it. */
export interface RequestLogEntry {
  method: string;
  /** Octokit route template, or null when the path matches no GitHub route. */
  route: string | null;
  path: string;
  status: number;
  /** Login of the caller (`slug[bot]` for installation tokens, the App slug for JWTs), or null. */
  actor: string | null;
  /** True when an injected fault answered. */
  fault: boolean;
  at: string;
}

/** A request for a route GitHub does not have (404) or the emulator does not implement (501). */
export interface UnknownRouteEntry {
  method: string;
  path: string;
  route: string | null;
  status: 404 | 501;
}

/** What the request listener needs. */
export interface ServerDeps {
  core: Core;
  routes: RouteTable;
  router: Router;
  faults: Faults;
  requests: RequestLogEntry[];
  unknownRoutes: UnknownRouteEntry[];
  /** Errors thrown by handlers (answered 500): a bug in the emulator, kept for tests to assert none. */
  errors: Error[];
  /** Counts requests being served (for `waitForIdle`). */
  inFlight: { count: number };
  /** Rate-limit windows per caller. */
  rateUsage: Map<string, { used: number; reset: number }>;
}

function rateHeaders(core: Core, usage: ServerDeps['rateUsage'], actor: Actor): Record<string, string> {
  const key = actor.login ?? 'anonymous';
  const nowSeconds = Math.floor(core.now().getTime() / 1000);
  const entry = usage.get(key);
  const window = entry && entry.reset > nowSeconds ? entry : { used: 0, reset: nowSeconds + 3600 };
  window.used++;
  usage.set(key, window);
  const limit = actor.kind === 'anonymous' ? 60 : 5000;
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, limit - window.used)),
    'x-ratelimit-reset': String(window.reset),
    'x-ratelimit-used': String(window.used),
    'x-ratelimit-resource': 'core',
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): { json: unknown } | HttpError {
  if (raw.length === 0) return { json: undefined };
  try {
    return { json: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return new HttpError(400, { message: 'Problems parsing JSON' });
  }
}

function send(res: ServerResponse, result: HttpResult, extra: Record<string, string>): void {
  const headers: Record<string, string> = {
    'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    ...extra,
    ...result.headers,
  };
  if (result.raw) {
    res.writeHead(result.status, {
      'content-type': 'application/octet-stream',
      'content-length': String(result.raw.length),
      ...headers,
    });
    res.end(result.raw);
  } else if (result.status === 204 || result.status === 304 || result.body === undefined) {
    res.writeHead(result.status, headers);
    res.end();
  } else {
    const body = Buffer.from(JSON.stringify(result.body));
    res.writeHead(result.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.length),
      ...headers,
    });
    res.end(body);
  }
}

function errorResult(error: HttpError): HttpResult {
  return { status: error.status, body: error.body, headers: error.headers };
}

async function handle(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  log: RequestLogEntry,
): Promise<void> {
  const { core } = deps;
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  const url = new URL(req.url ?? '/', core.url);
  const path = url.pathname;
  if (path.startsWith('/_codeload/')) return send(res, serveCodeload(core, path, url.searchParams), {});
  if (path.startsWith('/_raw/')) return send(res, serveRaw(core, path, url.searchParams), {});
  const match = deps.routes.match(method, path);
  log.route = match?.template ?? null;
  if (!match) {
    deps.unknownRoutes.push({ method, path, route: null, status: 404 });
    log.status = 404;
    return send(res, errorResult(new HttpError(404, { message: 'Not Found', status: '404' })), {});
  }
  const fault = deps.faults.take(method, match.template, path);
  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  const actor = authenticate(core, req.headers.authorization);
  if (actor instanceof HttpError) {
    log.status = actor.status;
    return send(res, errorResult(actor), {});
  }
  log.actor = actor.login;
  const rate = rateHeaders(core, deps.rateUsage, actor);
  if (fault?.status) {
    log.status = fault.status;
    log.fault = true;
    return send(res, { status: fault.status, body: fault.body, headers: fault.headers }, rate);
  }
  const handler = deps.router.handler(method, match.template);
  if (!handler) {
    deps.unknownRoutes.push({ method, path, route: match.template, status: 501 });
    log.status = 501;
    const message = `Not implemented by the GitHub emulator: ${method} ${match.template}`;
    return send(res, errorResult(new HttpError(501, { message, status: '501' })), rate);
  }
  const parsed = parseJson(raw);
  if (parsed instanceof HttpError) {
    log.status = 400;
    return send(res, errorResult(parsed), rate);
  }
  const json = parsed.json;
  const body =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  let result: HttpResult;
  try {
    result = await handler({
      core,
      actor,
      params: match.params,
      query: url.searchParams,
      body,
      json,
      headers: req.headers,
      path,
    });
  } catch (error) {
    if (error instanceof HttpError) result = errorResult(error);
    else {
      deps.errors.push(error instanceof Error ? error : new Error(String(error)));
      result = { status: 500, body: { message: `emulator error: ${String(error)}`, status: '500' } };
    }
  }
  log.status = result.status;
  send(res, result, rate);
}

/** The HTTP request listener: routes, faults, auth, handlers, logs. */
export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    deps.inFlight.count++;
    const log: RequestLogEntry = {
      method: (req.method ?? 'GET').toUpperCase(),
      route: null,
      path: (req.url ?? '/').split('?')[0] ?? '/',
      status: 0,
      actor: null,
      fault: false,
      at: timestamp(deps.core),
    };
    handle(deps, req, res, log)
      .catch((error: unknown) => {
        deps.errors.push(error instanceof Error ? error : new Error(String(error)));
        if (!res.headersSent) send(res, { status: 500, body: { message: 'emulator error' } }, {});
      })
      .finally(() => {
        if (!/^\/_(codeload|raw)\//.test(log.path)) deps.requests.push(log);
        deps.inFlight.count--;
      });
  };
}
