/** What kind of failure a GitHub call met, so callers decide without reading status codes. */
export type GitHubErrorKind =
  'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'rate-limited' | 'unavailable' | 'unauthorized';

/**
 * A failed GitHub call, named by kind. `retryable` says whether trying again later can help
 * (5xx, rate limits, timeouts); the message says which call failed and what to do.
 */
export class GitHubError extends Error {
  override name = 'GitHubError';
  constructor(
    message: string,
    readonly kind: GitHubErrorKind,
    readonly status: number | undefined,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Wraps an Octokit error into a GitHubError that names the operation and the fix. */
export function toGitHubError(error: unknown, operation: string): GitHubError {
  if (error instanceof GitHubError) return error;
  const status = statusOf(error);
  const detail = (error as Error)?.message ?? String(error);
  const message = (what: string) => `grantops: ${operation} failed: ${what} (${detail})`;
  if (status === 404)
    return new GitHubError(
      message('not found, or not visible to the App installation'),
      'not-found',
      status,
      false,
      { cause: error },
    );
  if (status === 401)
    return new GitHubError(
      message('GitHub rejected the credentials; check APP_ID and PRIVATE_KEY'),
      'unauthorized',
      status,
      false,
      { cause: error },
    );
  if (status === 403 && /rate limit/i.test(detail))
    return new GitHubError(message('rate limited; it will be retried'), 'rate-limited', status, true, {
      cause: error,
    });
  if (status === 429)
    return new GitHubError(message('rate limited; it will be retried'), 'rate-limited', status, true, {
      cause: error,
    });
  if (status === 403)
    return new GitHubError(
      message('forbidden: the App lacks a permission (see app.yml) or a rule blocks it'),
      'forbidden',
      status,
      false,
      { cause: error },
    );
  if (status === 409)
    return new GitHubError(message('conflict'), 'conflict', status, false, { cause: error });
  if (status === 422 || status === 400)
    return new GitHubError(message('GitHub refused the request as invalid'), 'invalid', status, false, {
      cause: error,
    });
  return new GitHubError(
    message('GitHub is unavailable or timed out; it will be retried'),
    'unavailable',
    status,
    true,
    { cause: error },
  );
}
