import type { AccessLevel } from './accessLevel.js';

/** Why nothing is written when a grant is applied, or what the write is for. Closed set: logs and tests rely on it. */
export type ApplyReason = 'grant' | 'already-has-access';

/**
 * Why a revocation sets what it sets. `restore-previous`: back to what the grantee had before the
 * grant. `still-needed`: another active grant (or standing access) needs a level. `changed-by-others`:
 * someone raised the access above what grantops granted, so additive mode leaves it. `nothing-to-remove`:
 * the grantee holds no more than what may stay. `strict-target`: strict mode keeps only what active
 * grants and standing access explain.
 */
export type RevokeReason =
  'restore-previous' | 'still-needed' | 'changed-by-others' | 'nothing-to-remove' | 'strict-target';

/** Why drift is (or is not) corrected. */
export type DriftReason = 'report-only' | 'strict-target';

/** Leave the access as it is. */
export interface KeepChange<R extends string> {
  action: 'none';
  level: AccessLevel;
  reason: R;
}

/** Set the access to `to` (a real level, never none or an invitation). */
export interface SetChange<R extends string> {
  action: 'set';
  from: AccessLevel;
  to: AccessLevel;
  reason: R;
}

/** Take the access (or the pending invitation) away entirely. */
export interface RemoveChange<R extends string> {
  action: 'remove';
  from: AccessLevel;
  reason: R;
}

/** What applying a grant does: never a removal, never a downgrade. */
export type ApplyChange = KeepChange<ApplyReason> | SetChange<ApplyReason>;

/** What revoking a grant does: never an upgrade. */
export type RevokeChange = KeepChange<RevokeReason> | SetChange<RevokeReason> | RemoveChange<RevokeReason>;

/** What correcting drift does (additive mode only reports). */
export type DriftChange = KeepChange<DriftReason> | SetChange<DriftReason> | RemoveChange<DriftReason>;

/** Any planned change a provider can perform. */
export type PlannedChange = ApplyChange | RevokeChange | DriftChange;
