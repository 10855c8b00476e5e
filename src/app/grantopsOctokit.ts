import { ProbotOctokit } from 'probot';

/** How the App's GitHub client retries and throttles (tests turn both off, or shorten the waits). */
export interface ClientPolicy {
  /** Throttle to GitHub's primary and secondary limits (on in production). */
  throttle: boolean;
  /** Retries of failed idempotent requests (5xx, timeouts); 0 turns retrying off. */
  retries: number;
  /** Base of the retry back-off in milliseconds (waits grow with the square of the attempt). */
  retryBaseMs: number;
  /** Most times one request is retried after a rate limit. */
  rateLimitRetries: number;
  /** A request that has not answered after this long is aborted (and retried like a 5xx). */
  timeoutMs?: number;
}

export const PRODUCTION_CLIENT: ClientPolicy = {
  throttle: true,
  retries: 3,
  retryBaseMs: 1000,
  rateLimitRetries: 3,
  timeoutMs: 30_000,
};

/**
 * A fetch that gives up on a request that hangs: Octokit has no timeout of its own, and a hung call
 * would stall a sweep. The abort surfaces as a failed request, retried like a 5xx.
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
}

interface LimitedRequest {
  method: string;
  url: string;
  request: { retryCount: number };
}

/**
 * Probot's Octokit with grantops' limits. Probot's own default gives up on a secondary rate limit;
 * GitHub processed nothing in that case, so retrying after `retry-after` is safe for every method,
 * and grantops does (a few times, then the error surfaces and the sweep reconciles later).
 * Writes that are not idempotent opt out of the 5xx retry per request (see src/github/octokit).
 */
export function grantopsOctokit(policy: ClientPolicy): typeof ProbotOctokit {
  const retryLimited =
    (kind: string) =>
    (retryAfter: number, options: LimitedRequest, octokit: { log: { warn: (msg: string) => void } }) => {
      const retry = options.request.retryCount < policy.rateLimitRetries;
      octokit.log.warn(
        `${kind} rate limit on ${options.method} ${options.url}; ${retry ? `retrying in ${retryAfter}s` : 'giving up'}`,
      );
      return retry;
    };
  return ProbotOctokit.defaults((instanceOptions: Record<string, unknown>) => ({
    ...instanceOptions,
    ...(policy.timeoutMs
      ? { request: { ...(instanceOptions.request as object), fetch: fetchWithTimeout(policy.timeoutMs) } }
      : {}),
    throttle: {
      ...(instanceOptions.throttle as object),
      enabled: policy.throttle,
      onRateLimit: retryLimited('primary'),
      onSecondaryRateLimit: retryLimited('secondary'),
    },
    retry: { enabled: policy.retries > 0, retries: policy.retries, retryAfterBaseValue: policy.retryBaseMs },
  }));
}
