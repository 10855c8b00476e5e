import type { WebhookLevel } from '../../core/access/index.js';
import { rolesOf } from '../../core/resourceSettings.js';
import type { AccessTarget, ResourceTarget } from '../provider.js';
import { callWebhook, type WebhookProviderOptions } from './callWebhook.js';
import { parseWebhookMembers } from './parseWebhookMembers.js';
import type { WebhookMember } from './webhookContract.js';
import { webhookConfig } from './webhookConfig.js';

/** Asks the receiver who holds access (`grantee` narrows the question; empty asks for everyone). */
export async function listWebhookMembers(
  options: WebhookProviderOptions,
  target: ResourceTarget,
  grantee: string,
): Promise<WebhookMember[]> {
  const answer = await callWebhook(options, target, 'list', { grantee });
  return parseWebhookMembers(answer.body, webhookConfig(target, options.env).shownUrl);
}

/** `granted` when the receiver lists the grantee with the grant's role (a null role on either side matches any). */
export async function readWebhookLevel(
  options: WebhookProviderOptions,
  target: AccessTarget,
): Promise<WebhookLevel> {
  const login = target.grantee.toLowerCase();
  const role = target.role ?? rolesOf(target.resource)[0] ?? null;
  const members = await listWebhookMembers(options, target, target.grantee);
  const holds = (m: WebhookMember) =>
    m.grantee.toLowerCase() === login && (m.role === null || role === null || m.role === role);
  return members.some(holds) ? 'granted' : 'none';
}
