/** A provider outcome that may be a retryable failure. */
interface MaybeFailed {
  status: string;
  retryable?: boolean;
}

/** How provider calls are retried within one apply or revoke (the sweep retries across runs). */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseMs: 500 };

/**
 * Runs a provider call again while it fails retryably (5xx, timeouts, rate limits), waiting
 * baseMs, 2*baseMs, 4*baseMs... Returns the last outcome: a failure left after the attempts is
 * recorded by the caller and retried by every later sweep.
 */
export async function retryFailures<T extends MaybeFailed>(
  call: () => Promise<T>,
  policy: RetryPolicy,
): Promise<T> {
  let outcome = await call();
  for (
    let attempt = 1;
    attempt < policy.attempts && outcome.status === 'failed' && outcome.retryable;
    attempt++
  ) {
    await new Promise((resolve) => setTimeout(resolve, policy.baseMs * 2 ** (attempt - 1)));
    outcome = await call();
  }
  return outcome;
}
