import { ProviderError } from '../providerError.js';
import type { WebhookConfig } from './webhookConfig.js';

/** What was being sent, for messages. */
export interface WebhookCallContext {
  config: WebhookConfig;
  action: string;
  grantee: string;
  timeoutMs: number;
}

/**
 * Maps a receiver's answer that is neither 2xx nor 409 to a named error: 5xx, 408 and 429 are
 * retryable; a redirect and any other 4xx need a person (401 and 403 usually mean the secrets differ).
 */
export function webhookStatusError(
  context: WebhookCallContext,
  response: { status: number; headers: Headers; text: string },
): ProviderError {
  const { config, action, grantee } = context;
  const { status } = response;
  const at = `the receiver at ${config.shownUrl}`;
  const said = response.text.slice(0, 200).trim();
  const base = { status, retryable: false };
  if (status >= 500 || status === 408 || status === 429) {
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    return new ProviderError({
      ...base,
      code: status >= 500 ? 'server-error' : 'rate-limited',
      retryable: true,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      message: `${at} answered ${status} to ${action} for ${grantee}; retrying later is safe (the idempotency key deduplicates)`,
    });
  }
  if (status >= 300 && status < 400)
    return new ProviderError({
      ...base,
      code: 'rejected',
      message: `${at} answered a redirect (${status}): set the resource's \`url\` to the final address`,
    });
  if (status === 401 || status === 403)
    return new ProviderError({
      ...base,
      code: 'unauthorized',
      message: `${at} refused the signed ${action} request (${status}): check that ${config.secretEnv} holds the receiver's secret and that both clocks are right`,
    });
  return new ProviderError({
    ...base,
    code: 'rejected',
    message: `${at} refused ${action} for ${grantee} (${status}${said ? `: ${said}` : ''})`,
  });
}

/** Maps a call that got no answer (timeout, refused connection, DNS) to a retryable error. */
export function webhookTransportError(context: WebhookCallContext, error: unknown): ProviderError {
  const { config, action, grantee } = context;
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return new ProviderError({
    code: timedOut ? 'timeout' : 'network',
    retryable: true,
    cause: error,
    message: timedOut
      ? `the receiver at ${config.shownUrl} did not answer ${action} for ${grantee} within ${context.timeoutMs} ms; retrying later is safe (the idempotency key deduplicates)`
      : `could not reach the receiver at ${config.shownUrl} for ${action} (${cause}); retrying later is safe`,
  });
}
