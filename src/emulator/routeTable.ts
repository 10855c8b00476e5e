import { Octokit } from '@octokit/rest';

/** A GitHub REST route: method and Octokit's path template. */
export interface RouteTemplate {
  method: string;
  template: string;
}

interface CompiledRoute extends RouteTemplate {
  strict: RegExp;
  greedy: RegExp;
  names: string[];
  literalLength: number;
}

/** A path matched to a template, with its decoded parameters. */
export interface RouteMatch extends RouteTemplate {
  params: Record<string, string>;
}

/**
 * Every route of GitHub's REST API as Octokit ships it (the generated endpoint list of
 * @octokit/plugin-rest-endpoint-methods, read through `octokit.rest`).
 */
export function listGitHubRoutes(): RouteTemplate[] {
  const rest = new Octokit().rest as unknown as Record<
    string,
    Record<string, { endpoint?: { DEFAULTS: RouteTemplate & { url: string } } }>
  >;
  const seen = new Map<string, RouteTemplate>();
  for (const scope of Object.keys(rest)) {
    const methods = rest[scope] ?? {};
    for (const name of Object.keys(methods)) {
      const defaults = methods[name]?.endpoint?.DEFAULTS;
      if (!defaults) continue;
      const template = defaults.url.replace(/\{\?[^}]*\}$/, '');
      seen.set(`${defaults.method} ${template}`, { method: defaults.method, template });
    }
  }
  return [...seen.values()];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
}

/** Parameters whose values contain slashes (refs, file paths), which clients may send unencoded. */
const SLASHED = new Set(['ref', 'path', 'basehead', 'head', 'branch']);

function compile(route: RouteTemplate): CompiledRoute {
  const names: string[] = [];
  const parts = route.template.split(/(\{[^}]+\})/).filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  const lastParam = /^\{.+\}$/.test(last) && SLASHED.has(last.slice(1, -1));
  const build = (greedy: boolean): RegExp =>
    new RegExp(
      `^${parts
        .map((p, i) => {
          if (!/^\{.+\}$/.test(p)) return escapeRegex(p);
          return greedy && lastParam && i === parts.length - 1 ? '(.*)' : '([^/]+)';
        })
        .join('')}/?$`,
    );
  for (const p of parts) if (/^\{.+\}$/.test(p)) names.push(p.slice(1, -1));
  const literalLength = parts.filter((p) => !/^\{.+\}$/.test(p)).join('').length;
  return { ...route, names, strict: build(false), greedy: build(true), literalLength };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Routes are grouped by method and first path segment (every GitHub template starts with a literal one). */
function bucketKey(method: string, path: string): string {
  return `${method} ${path.split('/')[1] ?? ''}`;
}

function exactKey(method: string, path: string): string {
  return `${bucketKey(method, path)} ${path.split('/').length}`;
}

/** Matches request paths to GitHub's route templates. */
export class RouteTable {
  /** `METHOD first-segment` → candidate routes, most literal first (for slash-spanning matches). */
  private readonly buckets = new Map<string, CompiledRoute[]>();
  /** `METHOD first-segment segment-count` → candidate routes (for segment-by-segment matches). */
  private readonly exact = new Map<string, CompiledRoute[]>();

  constructor(routes: RouteTemplate[] = listGitHubRoutes()) {
    for (const route of routes) {
      const compiled = compile(route);
      for (const [map, key] of [
        [this.buckets, bucketKey(route.method, route.template)],
        [this.exact, exactKey(route.method, route.template)],
      ] as const) {
        const list = map.get(key) ?? [];
        list.push(compiled);
        map.set(key, list);
      }
    }
    for (const map of [this.buckets, this.exact])
      for (const list of map.values()) list.sort((a, b) => b.literalLength - a.literalLength);
  }

  /**
   * The template a request path belongs to. Segments match one path segment each; when nothing
   * matches that way, a trailing parameter may span slashes (refs, file paths and `base...head`
   * sent unencoded, as curl users do). Templates with more literal text win.
   */
  match(method: string, path: string): RouteMatch | undefined {
    const upper = method.toUpperCase();
    const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
    for (const mode of ['strict', 'greedy'] as const) {
      const routes =
        (mode === 'strict'
          ? this.exact.get(exactKey(upper, trimmed))
          : this.buckets.get(bucketKey(upper, path))) ?? [];
      for (const route of routes) {
        const m = route[mode].exec(path);
        if (!m) continue;
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => (params[name] = decode(m[i + 1] ?? '')));
        return { method: route.method, template: route.template, params };
      }
    }
    return undefined;
  }
}
