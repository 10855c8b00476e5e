import { ProviderError } from '../providerError.js';
import type { WebhookMember } from './webhookContract.js';

/** Reads a `list` answer, `{"members": [{"grantee": "alice", "role": "read"}]}`, or throws `bad-response`. */
export function parseWebhookMembers(body: unknown, shownUrl: string): WebhookMember[] {
  const members = (body as { members?: unknown } | undefined)?.members;
  const valid =
    Array.isArray(members) &&
    members.every(
      (m: { grantee?: unknown; role?: unknown } | null) =>
        typeof m?.grantee === 'string' &&
        (m.role === undefined || m.role === null || typeof m.role === 'string'),
    );
  if (!valid)
    throw new ProviderError({
      code: 'bad-response',
      retryable: false,
      message: `the receiver at ${shownUrl} answered \`list\` without a valid \`members\` array of {grantee, role}: see docs/webhook-contract.md`,
    });
  return (members as { grantee: string; role?: string | null }[]).map((m) => ({
    grantee: m.grantee,
    role: m.role ?? null,
  }));
}
