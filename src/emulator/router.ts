import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from './auth.js';
import type { Core } from './core.js';
import type { HttpResult } from './http.js';

/** What a handler gets: the world, the caller, and the parsed request. */
export interface Ctx {
  core: Core;
  actor: Actor;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body when it is an object (`{}` otherwise). */
  body: Record<string, unknown>;
  /** The JSON body as sent (arrays included), or undefined. */
  json: unknown;
  headers: IncomingHttpHeaders;
  path: string;
}

export type Handler = (ctx: Ctx) => HttpResult | Promise<HttpResult>;

/** An implemented route: GitHub's method and path template, and its handler. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: Handler;
}

/** The routes the emulator implements, keyed by `METHOD template`. */
export class Router {
  private readonly handlers = new Map<string, Handler>();

  constructor(routes: RouteDef[]) {
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (this.handlers.has(key)) throw new Error(`emulator: route ${key} is defined twice`);
      this.handlers.set(key, route.handler);
    }
  }

  /** The handler for a matched template, if the emulator implements it. */
  handler(method: string, template: string): Handler | undefined {
    return this.handlers.get(`${method} ${template}`);
  }

  /** Every implemented `METHOD template`. */
  routes(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
