import type { AccessLevel } from '../access/index.js';
import type { Resource } from '../types.js';

/** Where a grant is in its life, as recorded on its scheduled reverting pull request. */
export type RecordState =
  | 'scheduled' // merged; starts later
  | 'applying' // recorded, access being applied (a crash here is resumed by the sweep)
  | 'applied' // access given and read back
  | 'pending' // an invitation was sent; the access starts when it is accepted
  | 'apply-failed' // applying failed after retries; every sweep retries
  | 'revoked' // access taken back (the reverting PR may still wait to be merged)
  | 'revoke-failed'; // revoking failed after retries: irrevocable until a sweep succeeds

/**
 * The state of one applied grant, kept in GitHub (a hidden marker in its reverting PR's body) so a
 * restarted App or another replica reaches the same conclusions. `before` is recorded before
 * anything is applied: revocation restores it, so access someone already had survives expiry.
 */
export interface GrantRecord {
  v: 1;
  file: string;
  /** Git blob SHA of the grant file that was applied. */
  blob: string;
  grantee: string;
  resource: string;
  /** The resource's settings when applied: revocation works even if access.yml drops the resource. */
  resourceConfig: Resource;
  role: string | undefined;
  starts: string | undefined;
  expires: string;
  emergency: boolean;
  /** The merged request PR that carried the grant. */
  requestPr: number | undefined;
  requestedBy: string | undefined;
  approvers: string[];
  before: AccessLevel | undefined;
  granted: AccessLevel | undefined;
  state: RecordState;
  appliedAt: string | undefined;
  revokedAt: string | undefined;
  attempts: number;
  lastError: string | undefined;
  warned: boolean;
}

const MARKER = /<!-- grantops:record (\{.*?\}) -->/s;

/** The hidden marker that carries a record inside a PR body. */
export function encodeRecord(record: GrantRecord): string {
  // `--` cannot appear inside an HTML comment; JSON never needs it unescaped.
  return `<!-- grantops:record ${JSON.stringify(record).replace(/--/g, '-\\u002d')} -->`;
}

/** Reads the record from a PR body; undefined when there is none or it is damaged. */
export function decodeRecord(body: string | null | undefined): GrantRecord | undefined {
  const match = MARKER.exec(body ?? '');
  if (!match) return undefined;
  try {
    const record = JSON.parse(match[1]!) as Partial<GrantRecord>;
    if (record.v !== 1 || typeof record.file !== 'string' || typeof record.state !== 'string')
      return undefined;
    return record as GrantRecord;
  } catch {
    return undefined;
  }
}

/** True while the grant may hold access that revocation must take back. */
export function holdsAccess(record: GrantRecord): boolean {
  return (
    record.state === 'applying' ||
    record.state === 'applied' ||
    record.state === 'pending' ||
    record.state === 'revoke-failed' ||
    record.state === 'apply-failed'
  );
}
