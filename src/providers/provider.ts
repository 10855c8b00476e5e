import type { AccessLevel, ApplyChange, DriftChange, Member, RevokeChange } from '../core/access/index.js';
import type { ProviderName, Resource } from '../core/types.js';
import type { ProviderError, ProviderErrorCode } from './providerError.js';

/** A resource of access.yml: its key and its settings. */
export interface ResourceTarget {
  resourceName: string;
  resource: Resource;
}

/** One grantee's access on one resource, as one grant asks for it. */
export interface AccessTarget extends ResourceTarget {
  grantee: string;
  /** The grant's role (undefined: the resource's first role). */
  role: string | undefined;
  /** Stable id of the grant (its file path): the webhook idempotency key is derived from it. */
  grantId: string;
  /** The grant's `expires` (RFC 3339), when it has one. */
  expires: string | undefined;
}

/** A call that did not do what it was asked, as data: `reason` says what failed and what to do. */
export interface FailedResult {
  status: 'failed';
  code: ProviderErrorCode;
  reason: string;
  retryable: boolean;
  error: ProviderError;
}

/**
 * What applying did. `applied`: read back at `level`. `pending`: an invitation was sent and the
 * access starts when it is accepted. `unchanged`: nothing to do (the grantee already had the access).
 */
export type ApplyResult =
  | { status: 'applied'; level: AccessLevel }
  | { status: 'pending'; level: AccessLevel }
  | { status: 'unchanged'; level: AccessLevel }
  | FailedResult;

/** What revoking did: `revoked` (lowered or removed; `level` is what remains) or `unchanged`. */
export type RevokeResult =
  { status: 'revoked'; level: AccessLevel } | { status: 'unchanged'; level: AccessLevel } | FailedResult;

/**
 * A place where access is granted. Providers perform what core planned (`planApply`, `planRevoke`,
 * `findDrift`) and never decide themselves; they do not retry (the App's Octokit and the sweep do).
 * `read` and `listMembers` throw a ProviderError; `apply` and `revoke` report failures as data.
 */
export interface Provider {
  readonly name: ProviderName;
  /** The grantee's current access. */
  read(target: AccessTarget): Promise<AccessLevel>;
  /** Performs a planned grant, then reads the access back. */
  apply(target: AccessTarget, change: ApplyChange): Promise<ApplyResult>;
  /** Performs a planned revocation (or a strict-mode drift correction), then reads the access back. */
  revoke(target: AccessTarget, change: RevokeChange | DriftChange): Promise<RevokeResult>;
  /** Everyone holding access on the resource, for drift reports and strict mode. */
  listMembers?(target: ResourceTarget): Promise<Member[]>;
}
