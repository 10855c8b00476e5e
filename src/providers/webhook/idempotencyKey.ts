import { createHash } from 'node:crypto';
import type { WebhookAction } from './webhookContract.js';

/**
 * A deterministic key for one call about one grant: the same grant, action and expiry always give
 * the same key (retries and redelivered webhooks are deduplicated by the receiver), while extending
 * a grant (a new `expires`) or changing its grantee or role gives a new one. SHA-256, hex.
 */
export function idempotencyKey(params: {
  action: WebhookAction;
  grantId: string;
  grantee: string;
  resource: string;
  role: string | null;
  expires: string | null;
}): string {
  const { action, grantId, grantee, resource, role, expires } = params;
  const parts = ['grantops/1', action, grantId, grantee.toLowerCase(), resource, role, expires];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
