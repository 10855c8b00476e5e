import { GitHubError } from '../../src/github/githubError.js';

/**
 * Says why an API read failed and what the workflow author can do, in the Action's terms (tokens and
 * inputs, not the App's credentials): `what failed (HTTP 404: Not Found): fix`.
 */
export function describeApiFailure(
  error: unknown,
  params: { what: string; permission: string; input: string },
): string {
  const { what, permission, input } = params;
  // The adapter's GitHubError wraps Octokit's error; its own message carries App-only advice.
  const cause = error instanceof GitHubError && error.cause !== undefined ? error.cause : error;
  const detail = (cause as Error | undefined)?.message ?? String(cause);
  const status = error instanceof GitHubError ? error.status : undefined;
  const kind = error instanceof GitHubError ? error.kind : 'unavailable';
  const head = `${what} failed (${status === undefined ? detail : `HTTP ${status}: ${detail}`})`;
  if (kind === 'not-found') return `${head}: check the names, and that ${input} can read it (${permission})`;
  if (kind === 'unauthorized')
    return `${head}: GitHub rejected ${input}; check the secret passed as ${input}`;
  if (kind === 'forbidden') return `${head}: ${input} lacks ${permission}, or a policy blocks it`;
  if (kind === 'rate-limited') return `${head}: ${input} is rate limited; retry the job later`;
  if (kind === 'invalid')
    return `${head}: GitHub's answer could not be used; retry, and check GITHUB_API_URL`;
  return `${head}: GitHub did not answer in time or failed; retry the job`;
}
