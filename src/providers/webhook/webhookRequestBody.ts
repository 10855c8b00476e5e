import { rolesOf } from '../../core/resourceSettings.js';
import type { AccessTarget, ResourceTarget } from '../provider.js';
import { idempotencyKey } from './idempotencyKey.js';
import { WEBHOOK_CONTRACT_VERSION, type WebhookAction, type WebhookRequestBody } from './webhookContract.js';

/**
 * The body of one call. Grants and revokes carry the grant's id, grantee, role (the resource's first
 * role when the grant names none) and expiry; `list` carries the login asked about (or empty).
 */
export function webhookRequestBody(params: {
  action: WebhookAction;
  target: ResourceTarget;
  grant: Partial<Pick<AccessTarget, 'grantId' | 'grantee' | 'role' | 'expires'>>;
}): WebhookRequestBody {
  const { action, target, grant } = params;
  const isList = action === 'list';
  const fields = {
    grantId: isList ? '' : (grant.grantId ?? ''),
    grantee: grant.grantee ?? '',
    resource: target.resourceName,
    role: isList ? null : (grant.role ?? rolesOf(target.resource)[0] ?? null),
    expires: isList ? null : (grant.expires ?? null),
  };
  return {
    version: WEBHOOK_CONTRACT_VERSION,
    action,
    grant_id: fields.grantId,
    grantee: fields.grantee,
    resource: fields.resource,
    role: fields.role,
    expires: fields.expires,
    idempotency_key: idempotencyKey({ action, ...fields }),
  };
}
