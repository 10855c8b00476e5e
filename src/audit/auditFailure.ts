import { statusOf } from '../github/githubError.js';
import type { AuditState } from './auditState.js';

/** A GitHub read that failed the export, with a message that names the setting that fixes it. */
export class AuditFailure extends Error {
  override name = 'AuditFailure';
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function fixFor(status: number | undefined, detail: string, state: AuditState): string {
  const repo = `${state.repo.owner}/${state.repo.repo}`;
  if (status === 401)
    return `GitHub rejected the token (401); set GITHUB_TOKEN (or GRANTOPS_TOKEN) to a valid token for ${state.apiUrl}`;
  if (status === 404)
    return `${repo} was not found at ${state.apiUrl}, or the token cannot see it; check --repo OWNER/NAME, GITHUB_API_URL and the token's access to the repository`;
  if (status === 429 || (status === 403 && /rate limit/i.test(detail)))
    return "GitHub's rate limit is used up; run the export again once it resets (GET /rate_limit says when)";
  if (status === 403)
    return `the token may not read ${repo}; give it read access to the repository's issues, pull requests and contents`;
  if (status === undefined)
    return `cannot reach GitHub at ${state.apiUrl}; check GITHUB_API_URL and the network`;
  return `GitHub answered ${status}; run the export again later`;
}

/** Wraps a failed Octokit call into an AuditFailure that says what failed and how to fix it. */
export function auditFailure(error: unknown, state: AuditState, operation: string): AuditFailure {
  if (error instanceof AuditFailure) return error;
  // Octokit reports a request that never got an answer (DNS, refused connection) as a 500
  // without a response: that is not GitHub speaking.
  const answered = (error as { response?: unknown } | null)?.response !== undefined;
  const status = answered ? statusOf(error) : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return new AuditFailure(`${operation} failed: ${fixFor(status, detail, state)} (${detail})`, status, {
    cause: error,
  });
}

/** Runs a read; a 404 (the object is gone) gives `undefined`, any other failure an AuditFailure. */
export async function readOrMissing<T>(
  state: AuditState,
  operation: string,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw auditFailure(error, state, operation);
  }
}
