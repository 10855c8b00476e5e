/** The version of the webhook contract (docs/webhook-contract.md); sent as `version` in every body. */
export const WEBHOOK_CONTRACT_VERSION = 1 as const;

/** What grantops asks the receiver to do. `list` is a read and is never deduplicated. */
export type WebhookAction = 'grant' | 'revoke' | 'list';

/** The JSON body of every request grantops sends to a webhook receiver. */
export interface WebhookRequestBody {
  version: typeof WEBHOOK_CONTRACT_VERSION;
  action: WebhookAction;
  /** The grant's id (its file path in the grants repository); empty for `list`. */
  grant_id: string;
  /** The GitHub login; for `list`, the login asked about, or empty for everyone. */
  grantee: string;
  /** The resource key in access.yml. */
  resource: string;
  role: string | null;
  /** When the grant ends (RFC 3339); null for `list`. */
  expires: string | null;
  /** Same for retries and redeliveries of one grant or revoke: receivers deduplicate on it. */
  idempotency_key: string;
}

/** One entry of a `list` answer: `{"members": [{"grantee": "alice", "role": "read"}]}`. */
export interface WebhookMember {
  grantee: string;
  role: string | null;
}

/** The request headers of the contract. */
export const WEBHOOK_HEADERS = {
  timestamp: 'x-grantops-timestamp',
  signature: 'x-grantops-signature',
  idempotencyKey: 'x-grantops-idempotency-key',
} as const;
