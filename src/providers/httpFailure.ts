/** The parts of an Octokit RequestError (or a plain test double) that error mapping reads. */
export interface HttpFailure {
  status: number | undefined;
  message: string;
  headers: Readonly<Record<string, string | number | undefined>>;
  /** The response body's `message` plus any `errors[].message`, joined. */
  detail: string;
}

/** Reads status, headers and GitHub's error messages from whatever was thrown. */
export function httpFailure(error: unknown): HttpFailure {
  const value = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    message?: unknown;
    request?: unknown;
    response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  };
  const data = (
    typeof value.response?.data === 'object' && value.response.data !== null ? value.response.data : {}
  ) as { message?: unknown; errors?: unknown };
  const errors = Array.isArray(data.errors) ? data.errors : [];
  const messages = [data.message, ...errors.map((e: { message?: unknown } | null) => e?.message)];
  // Octokit reports a request that never got an answer (DNS, reset, timeout) as status 500 with no response.
  const answered = value.response !== undefined || value.request === undefined;
  return {
    status: typeof value.status === 'number' && answered ? value.status : undefined,
    message: typeof value.message === 'string' ? value.message : String(error),
    headers: value.response?.headers ?? {},
    detail: messages.filter((m): m is string => typeof m === 'string' && m !== '').join('; '),
  };
}
