/**
 * The HTTP event of an API Gateway (REST v1 or HTTP API v2) integration or a Lambda function URL,
 * reduced to what a webhook needs. See
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
 */
export interface LambdaHttpEvent {
  headers?: Readonly<Record<string, string | undefined>> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  /** API Gateway REST (payload v1). */
  httpMethod?: string;
  /** HTTP API and function URLs (payload v2). */
  requestContext?: { http?: { method?: string } };
}

/** What API Gateway and function URLs turn into the HTTP response. */
export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** A webhook delivery read from the event: the raw body exactly as GitHub signed it. */
export interface WebhookRequest {
  id: string;
  name: string;
  signature: string;
  body: string;
}

const REQUIRED = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'] as const;

/** A JSON response: `{ ok: true }` or `{ error }`. */
export function respond(statusCode: number, body: object, headers: Record<string, string> = {}) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  } satisfies LambdaHttpResult;
}

/**
 * Reads a delivery from an HTTP event, or answers it: 405 for a method other than POST, 400 for
 * missing webhook headers or body. Header names are matched case-insensitively (REST APIs keep
 * the sender's case) and a base64 body (function URLs encode some content types) is decoded.
 */
export function readWebhookRequest(event: LambdaHttpEvent): WebhookRequest | LambdaHttpResult {
  const method = event.requestContext?.http?.method ?? event.httpMethod ?? 'POST';
  if (method.toUpperCase() !== 'POST')
    return respond(
      405,
      { error: `Unknown route: ${method}; GitHub delivers webhooks by POST` },
      { allow: 'POST' },
    );
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(event.headers ?? {}))
    if (value !== undefined) headers.set(name.toLowerCase(), value);
  const missing = REQUIRED.filter((name) => !headers.get(name));
  if (missing.length > 0)
    return respond(400, {
      error: `Required headers missing: ${missing.join(', ')} (is the App's webhook URL this function's URL?)`,
    });
  if (typeof event.body !== 'string' || event.body === '')
    return respond(400, { error: 'Request body missing: a webhook delivery carries a JSON payload' });
  return {
    id: headers.get('x-github-delivery')!,
    name: headers.get('x-github-event')!,
    signature: headers.get('x-hub-signature-256')!,
    body: event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body,
  };
}
