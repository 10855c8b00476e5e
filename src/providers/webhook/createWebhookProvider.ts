import type { ApplyChange, DriftChange, Member, RevokeChange } from '../../core/access/index.js';
import { failedResult } from '../failedResult.js';
import type { AccessTarget, ApplyResult, Provider, RevokeResult } from '../provider.js';
import { callWebhook, type WebhookProviderOptions } from './callWebhook.js';
import { listWebhookMembers, readWebhookLevel } from './listWebhookMembers.js';

export { DEFAULT_WEBHOOK_TIMEOUT_MS, type WebhookProviderOptions } from './callWebhook.js';

/**
 * Signed grant, revoke and list calls to an external system (docs/webhook-contract.md). A 2xx
 * answer is done (`{"status": "pending"}` on a grant reports pending); 409 means already in that
 * state; other 4xx fail for a person to fix; 5xx, timeouts and network faults fail retryably.
 */
export function createWebhookProvider(options: WebhookProviderOptions): Provider {
  return {
    name: 'webhook',
    read: (target) => readWebhookLevel(options, target),
    apply: (target, change) => applyWebhookChange(options, target, change),
    revoke: (target, change) => revokeWebhookChange(options, target, change),
    async listMembers(target) {
      const members = await listWebhookMembers(options, target, '');
      return members.map((m): Member => ({ grantee: m.grantee, level: 'granted' }));
    },
  };
}

async function applyWebhookChange(
  options: WebhookProviderOptions,
  target: AccessTarget,
  change: ApplyChange,
): Promise<ApplyResult> {
  if (change.action === 'none') return { status: 'unchanged', level: change.level };
  try {
    const answer = await callWebhook(options, target, 'grant', target);
    if (answer.status === 409) return { status: 'unchanged', level: 'granted' };
    const pending = (answer.body as { status?: unknown } | undefined)?.status === 'pending';
    return pending ? { status: 'pending', level: 'pending' } : { status: 'applied', level: 'granted' };
  } catch (error) {
    return failedResult(error);
  }
}

async function revokeWebhookChange(
  options: WebhookProviderOptions,
  target: AccessTarget,
  change: RevokeChange | DriftChange,
): Promise<RevokeResult> {
  if (change.action === 'none') return { status: 'unchanged', level: change.level };
  try {
    const answer = await callWebhook(options, target, 'revoke', target);
    return { status: answer.status === 409 ? 'unchanged' : 'revoked', level: 'none' };
  } catch (error) {
    return failedResult(error);
  }
}
