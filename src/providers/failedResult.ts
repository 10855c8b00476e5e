import type { FailedResult } from './provider.js';
import { ProviderError } from './providerError.js';

/** A failure as data. Anything that is not a ProviderError is a bug or an unknown fault: retryable. */
export function failedResult(error: unknown): FailedResult {
  const known =
    error instanceof ProviderError
      ? error
      : new ProviderError({
          code: 'network',
          message: `unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
          retryable: true,
          cause: error,
        });
  return {
    status: 'failed',
    code: known.code,
    reason: known.message,
    retryable: known.retryable,
    error: known,
  };
}
