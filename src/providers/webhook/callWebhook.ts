import type { AccessTarget, ResourceTarget } from '../provider.js';
import { sendWebhook, type WebhookAnswer } from './sendWebhook.js';
import type { WebhookAction } from './webhookContract.js';
import { webhookConfig } from './webhookConfig.js';
import { webhookRequestBody } from './webhookRequestBody.js';

/** The default time a receiver has to answer. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** What the webhook provider needs. Nothing is read from the process: pass `env: process.env` at the edge. */
export interface WebhookProviderOptions {
  /** Where `secret_env` is looked up. */
  env: Readonly<Record<string, string | undefined>>;
  /** Defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds a receiver has to answer (default 10 s). */
  timeoutMs?: number;
  /** The clock for `x-grantops-timestamp` (default Date.now). */
  clock?: () => number;
}

/** Sends one call of the contract about a resource (and a grant, for grant and revoke). */
export function callWebhook(
  options: WebhookProviderOptions,
  target: ResourceTarget,
  action: WebhookAction,
  grant: Partial<AccessTarget>,
): Promise<WebhookAnswer> {
  const config = webhookConfig(target, options.env);
  const body = webhookRequestBody({ action, target, grant });
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const context = { config, action, grantee: body.grantee || 'everyone', timeoutMs };
  const now = (options.clock ?? Date.now)();
  return sendWebhook({ context, body, now, fetch: options.fetch ?? globalThis.fetch });
}
