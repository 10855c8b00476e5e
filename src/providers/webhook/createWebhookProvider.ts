import { rolesOf } from '../../core/resourceSettings.js';
import type { Member } from '../../core/access/index.js';
import { failedResult } from '../failedResult.js';
import type { AccessTarget, ApplyResult, Provider, ResourceTarget, RevokeResult } from '../provider.js';
import { parseWebhookMembers } from './parseWebhookMembers.js';
import { sendWebhook, type WebhookAnswer } from './sendWebhook.js';
import type { WebhookAction, WebhookMember } from './webhookContract.js';
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

/**
 * Signed grant, revoke and list calls to an external system (docs/webhook-contract.md). A 2xx
 * answer is done (`{"status": "pending"}` on a grant reports pending); 409 means already in that
 * state; other 4xx fail for a person to fix; 5xx, timeouts and network faults fail retryably.
 */
export function createWebhookProvider(options: WebhookProviderOptions): Provider {
  const call = async (
    target: ResourceTarget,
    action: WebhookAction,
    grant: Partial<AccessTarget>,
  ): Promise<WebhookAnswer> => {
    const config = webhookConfig(target, options.env);
    const body = webhookRequestBody({ action, target, grant });
    const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    const context = { config, action, grantee: body.grantee || 'everyone', timeoutMs };
    const now = (options.clock ?? Date.now)();
    return sendWebhook({ context, body, now, fetch: options.fetch ?? globalThis.fetch });
  };

  const list = async (target: ResourceTarget, grantee: string): Promise<WebhookMember[]> => {
    const answer = await call(target, 'list', { grantee });
    return parseWebhookMembers(answer.body, webhookConfig(target, options.env).shownUrl);
  };

  return {
    name: 'webhook',
    async read(target) {
      const login = target.grantee.toLowerCase();
      const role = target.role ?? rolesOf(target.resource)[0] ?? null;
      const members = await list(target, target.grantee);
      const holds = (m: WebhookMember) =>
        m.grantee.toLowerCase() === login && (m.role === null || role === null || m.role === role);
      return members.some(holds) ? 'granted' : 'none';
    },
    async apply(target, change): Promise<ApplyResult> {
      if (change.action === 'none') return { status: 'unchanged', level: change.level };
      try {
        const answer = await call(target, 'grant', target);
        if (answer.status === 409) return { status: 'unchanged', level: 'granted' };
        const pending = (answer.body as { status?: unknown } | undefined)?.status === 'pending';
        return pending ? { status: 'pending', level: 'pending' } : { status: 'applied', level: 'granted' };
      } catch (error) {
        return failedResult(error);
      }
    },
    async revoke(target, change): Promise<RevokeResult> {
      if (change.action === 'none') return { status: 'unchanged', level: change.level };
      try {
        const answer = await call(target, 'revoke', target);
        return { status: answer.status === 409 ? 'unchanged' : 'revoked', level: 'none' };
      } catch (error) {
        return failedResult(error);
      }
    },
    async listMembers(target) {
      const members = await list(target, '');
      return members.map((m): Member => ({ grantee: m.grantee, level: 'granted' }));
    },
  };
}
