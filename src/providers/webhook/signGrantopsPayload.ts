import { createHmac } from 'node:crypto';

/**
 * The `x-grantops-signature` header value: `sha256=` and the hex HMAC-SHA256, keyed with the
 * secret, of the timestamp, a dot and the raw body (`"<timestamp>.<body>"`).
 */
export function signGrantopsPayload(params: { secret: string; timestamp: string; body: string }): string {
  const hmac = createHmac('sha256', params.secret).update(`${params.timestamp}.${params.body}`, 'utf8');
  return `sha256=${hmac.digest('hex')}`;
}
