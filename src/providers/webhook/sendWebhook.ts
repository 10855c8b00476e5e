import { signGrantopsPayload } from './signGrantopsPayload.js';
import { WEBHOOK_HEADERS, type WebhookRequestBody } from './webhookContract.js';
import { webhookStatusError, webhookTransportError, type WebhookCallContext } from './webhookStatusError.js';

/** A receiver's answer that counts as done: 2xx, or 409 (already in that state). */
export interface WebhookAnswer {
  status: number;
  /** The parsed JSON body; undefined when empty or not JSON. */
  body: unknown;
}

/**
 * Sends one signed request of the webhook contract and returns the receiver's answer, or throws a
 * ProviderError (retryable for 5xx, 408, 429, timeouts and network faults). Redirects are not
 * followed: a signed call goes only where `url` says. Never retries itself.
 */
export async function sendWebhook(params: {
  context: WebhookCallContext;
  body: WebhookRequestBody;
  now: number;
  fetch: typeof globalThis.fetch;
}): Promise<WebhookAnswer> {
  const { context, body } = params;
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(params.now / 1000));
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'grantops',
    [WEBHOOK_HEADERS.timestamp]: timestamp,
    [WEBHOOK_HEADERS.signature]: signGrantopsPayload({ secret: context.config.secret, timestamp, body: raw }),
    [WEBHOOK_HEADERS.idempotencyKey]: body.idempotency_key,
  };
  let response: Response;
  let text: string;
  try {
    const signal = AbortSignal.timeout(context.timeoutMs);
    response = await params.fetch(context.config.url, {
      method: 'POST',
      headers,
      body: raw,
      redirect: 'manual',
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw webhookTransportError(context, error);
  }
  if (response.ok || response.status === 409) return { status: response.status, body: parseJson(text) };
  throw webhookStatusError(context, { status: response.status, headers: response.headers, text });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
