/** Where GitHub's error bodies point; the exact page does not matter to clients. */
export const DOCS_URL = 'https://docs.github.com/rest';

/** A handler's answer: a JSON body (or raw bytes) with a status and extra headers. */
export interface HttpResult {
  status: number;
  body?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

/** One entry of a 422 `errors` array, as GitHub writes it. */
export type ValidationError =
  { resource: string; field?: string; code: string; message?: string; value?: unknown } | string;

/** An HTTP error with GitHub's body; thrown by handlers and rendered by the server. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(String(body['message'] ?? status));
    this.status = status;
    this.body = { documentation_url: DOCS_URL, ...body };
    this.headers = headers;
  }
}

/** 404 `{"message":"Not Found"}`: GitHub's answer for missing and for hidden resources alike. */
export function notFound(message = 'Not Found'): HttpError {
  return new HttpError(404, { message, status: '404' });
}

/** 422 `Validation Failed` with GitHub's `errors` array. */
export function validationFailed(errors: ValidationError[], message = 'Validation Failed'): HttpError {
  return new HttpError(422, { message, errors, status: '422' });
}

/** A 422 whose message says it all (GitHub's "Invalid request." and friends). */
export function unprocessable(message: string): HttpError {
  return new HttpError(422, { message, status: '422' });
}

/** A 422 `Unprocessable Entity` whose `errors` are plain strings, as the reviews API answers. */
export function unprocessableEntity(...errors: string[]): HttpError {
  return new HttpError(422, { message: 'Unprocessable Entity', errors, status: '422' });
}

/** 409 Conflict with GitHub's message. */
export function conflict(message: string): HttpError {
  return new HttpError(409, { message, status: '409' });
}

/** 403 Forbidden with GitHub's message. */
export function forbidden(message: string): HttpError {
  return new HttpError(403, { message, status: '403' });
}

/** 405 Method Not Allowed, which GitHub uses for merges it refuses. */
export function notAllowed(message: string, documentationUrl = DOCS_URL): HttpError {
  return new HttpError(405, { message, documentation_url: documentationUrl, status: '405' });
}

/** 401 Unauthorized: `Bad credentials` unless told otherwise. */
export function unauthorized(message = 'Bad credentials'): HttpError {
  return new HttpError(401, { message, status: '401' });
}

/** Headers of a raw media type answer (`Accept: application/vnd.github.raw`). */
export const RAW_HEADERS: Record<string, string> = {
  'content-type': 'text/plain; charset=utf-8',
  'x-github-media-type': 'github.v3; param=raw',
};

/** True when the client asked for the raw media type. */
export function wantsRaw(accept: string | undefined): boolean {
  return /vnd\.github(\.v3)?\.raw/.test(accept ?? '');
}
