/** A fault to inject on matching requests. */
export interface FaultSpec {
  /** HTTP method to match; any method when omitted. */
  method?: string;
  /**
   * The route: an Octokit template (`/orgs/{org}/teams/{team_slug}/memberships/{username}`) matched
   * exactly, or a RegExp tested against the request path.
   */
  route: string | RegExp;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Status to answer; when omitted, the request is only delayed and then served normally. */
  status?: number;
  /** Body to answer (JSON); defaults to GitHub's body for the status. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow or timing-out GitHub). */
  delayMs?: number;
}

/** A fault that fired: what it answers. */
export interface FaultHit {
  status?: number;
  body?: unknown;
  headers: Record<string, string>;
  delayMs: number;
}

interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
  hits: number;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  403: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

/** Per-route fault injection: failures, rate limits and delays for tests. */
export class Faults {
  private readonly active: ActiveFault[] = [];
  private nextId = 1;

  /** Adds a fault; returns its id (for `remove`). */
  add(spec: FaultSpec): number {
    const id = this.nextId++;
    this.active.push({ ...spec, id, remaining: spec.times ?? 1, hits: 0 });
    return id;
  }

  /** Adds GitHub's secondary rate limit (403 + `retry-after`) on a route. */
  addSecondaryRateLimit(params: {
    method?: string;
    route: string | RegExp;
    times?: number;
    retryAfterSeconds?: number;
  }): number {
    return this.add({
      method: params.method,
      route: params.route,
      times: params.times,
      status: 403,
      headers: { 'retry-after': String(params.retryAfterSeconds ?? 1) },
      body: {
        message: DEFAULT_MESSAGES[403],
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    });
  }

  /** Removes one fault. */
  remove(id: number): void {
    const i = this.active.findIndex((f) => f.id === id);
    if (i >= 0) this.active.splice(i, 1);
  }

  /** Removes every fault. */
  clear(): void {
    this.active.length = 0;
  }

  /** Faults still armed, with how many times each fired. */
  list(): Array<FaultSpec & { id: number; remaining: number; hits: number }> {
    return this.active.map((f) => ({ ...f }));
  }

  /** The fault that fires for this request, if any (consumes one of its `times`). */
  take(method: string, template: string | null, path: string): FaultHit | undefined {
    const fault = this.active.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === method.toUpperCase()) &&
        (typeof f.route === 'string' ? f.route === template : f.route.test(path)),
    );
    if (!fault) return undefined;
    fault.remaining--;
    fault.hits++;
    const body =
      fault.body ??
      (fault.status
        ? { message: DEFAULT_MESSAGES[fault.status] ?? 'Error', status: String(fault.status) }
        : undefined);
    return { status: fault.status, body, headers: fault.headers ?? {}, delayMs: fault.delayMs ?? 0 };
  }
}
