/**
 * Why a provider call failed. Closed set: the App's retry logic, logs and tests rely on it.
 * - `misconfigured`: the resource's settings cannot work (missing team, repo, url or secret).
 * - `not-found`, `forbidden`, `unauthorized`, `rejected`: the target refused; fix settings or permissions.
 * - `invitation-limit`: GitHub's 50 repository invitations per 24 hours are used up.
 * - `rate-limited`, `server-error`, `timeout`, `network`: transient; retrying later is safe.
 * - `not-applied`, `not-revoked`: the write succeeded but reading back shows another level.
 * - `bad-response`: the target answered something this contract does not allow.
 */
export type ProviderErrorCode =
  | 'misconfigured'
  | 'not-found'
  | 'forbidden'
  | 'unauthorized'
  | 'rejected'
  | 'invitation-limit'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'network'
  | 'not-applied'
  | 'not-revoked'
  | 'bad-response';

/** What a ProviderError is made of. */
export interface ProviderErrorOptions {
  code: ProviderErrorCode;
  message: string;
  retryable: boolean;
  /** The HTTP status that caused it, when there was one. */
  status?: number;
  /** Seconds the target asked to wait (`retry-after`), when it said. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * A failed provider call, with a message saying what failed and what to do. `retryable` tells
 * whether trying again soon can help (5xx, rate limits, timeouts) or a person must act first.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(options: ProviderErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.retryable = options.retryable;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
