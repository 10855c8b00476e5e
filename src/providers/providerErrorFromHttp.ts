import { httpFailure } from './httpFailure.js';
import { ProviderError } from './providerError.js';

/** What the caller was doing and what to tell people for the statuses that need a person. */
export interface HttpErrorContext {
  /** What was being done, e.g. `adding alice to acme/prod-db-admins`. */
  doing: string;
  /** For 404: what is missing and which setting fixes it. */
  notFound: string;
  /** For 403 (not a rate limit): which App permission is missing. */
  forbidden: string;
  /** For 422: recognises GitHub's invitation limit (github-repo only). */
  invitationLimit?: string;
}

/**
 * Maps a failed GitHub call to a named ProviderError: 5xx, rate limits and network faults are
 * retryable; 401, 403, 404 and 422 need a person and are not.
 * See https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api for how
 * primary and secondary rate limits answer (403 or 429, `retry-after`, `x-ratelimit-remaining: 0`).
 */
export function providerErrorFromHttp(error: unknown, context: HttpErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const failure = httpFailure(error);
  const { status } = failure;
  const said = failure.detail || failure.message;
  const base = { status, cause: error };
  if (status === undefined)
    return new ProviderError({
      ...base,
      code: 'network',
      retryable: true,
      message: `${context.doing} failed before GitHub answered (${failure.message}); retrying later is safe`,
    });
  if (status >= 500)
    return new ProviderError({
      ...base,
      code: 'server-error',
      retryable: true,
      message: `GitHub answered ${status} while ${context.doing}; retrying later is safe`,
    });
  if (isRateLimit(status, failure.headers, said)) {
    const retryAfter = Number(failure.headers['retry-after']);
    return new ProviderError({
      ...base,
      code: 'rate-limited',
      retryable: true,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      message: `GitHub rate-limited ${context.doing} (${said}); it is retried after the limit resets`,
    });
  }
  if (context.invitationLimit && (status === 422 || status === 403) && isInvitationLimit(said))
    return new ProviderError({
      ...base,
      code: 'invitation-limit',
      retryable: false,
      message: `${context.invitationLimit} (GitHub said: ${said})`,
    });
  if (status === 401)
    return new ProviderError({
      ...base,
      code: 'unauthorized',
      retryable: false,
      message: `GitHub rejected the App's credentials while ${context.doing}: check the App's id, private key and installation`,
    });
  if (status === 403)
    return new ProviderError({
      ...base,
      code: 'forbidden',
      retryable: false,
      message: `${context.forbidden} (GitHub said: ${said})`,
    });
  if (status === 404)
    return new ProviderError({ ...base, code: 'not-found', retryable: false, message: context.notFound });
  return new ProviderError({
    ...base,
    code: 'rejected',
    retryable: false,
    message: `GitHub refused ${context.doing} (${status}: ${said})`,
  });
}

function isRateLimit(status: number, headers: Readonly<Record<string, unknown>>, said: string): boolean {
  if (status === 429) return true;
  if (status !== 403) return false;
  return (
    headers['retry-after'] !== undefined ||
    String(headers['x-ratelimit-remaining']) === '0' ||
    /rate limit/i.test(said)
  );
}

// GitHub's wording is not documented; the limit is "50 invitations to a repository per 24 hour period".
function isInvitationLimit(said: string): boolean {
  return /invit/i.test(said) && /limit|exceed|maximum|24 hour|per day/i.test(said);
}
