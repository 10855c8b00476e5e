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
  /**
   * The commit grantops built for the reverting branch (it deletes the grant file, nothing else).
   * People who can push may move the branch; grantops merges only this commit, else builds it again.
   */
  revertHead?: string;
}

const MARKERS = /<!-- grantops:record (\{.*?\})(?: seal:([0-9a-f]{1,128}))? -->/gs;

/**
 * Signs and checks records (an HMAC keyed by a secret only the App holds; the App builds it, core
 * only calls it). A PR body can be written by people (anyone who can open a PR from the reverting
 * branch, anyone with write access who edits it), so a record is believed only when its seal
 * matches: a forged `before: admin` or `state: revoked` would otherwise turn a revocation into a
 * grant, or skip it.
 */
export interface RecordSeal {
  sign(text: string): string;
  verify(text: string, signature: string): boolean;
}

/**
 * What a seal covers: the repository and the pull request (a record copied to another repository,
 * or to another PR of the same branch, such as a later grant of the same file, does not verify)
 * and the record.
 */
export interface SealScope {
  seal: RecordSeal;
  /** `owner/repo` of the grants repository. */
  repo: string;
  /** The number of the reverting PR whose body carries the record. */
  pull: number;
}

const sealedText = (scope: SealScope, json: string) =>
  `grantops-record/v2\n${scope.repo.toLowerCase()}#${scope.pull}\n${json}`;

/** The hidden, sealed marker that carries a record inside a PR body. */
export function encodeRecord(record: GrantRecord, scope: SealScope): string {
  // `--` cannot appear inside an HTML comment; JSON never needs it unescaped.
  const json = JSON.stringify(record).replace(/--/g, '-\\u002d');
  return `<!-- grantops:record ${json} seal:${scope.seal.sign(sealedText(scope, json))} -->`;
}

function parseRecord(json: string): GrantRecord | undefined {
  try {
    const record = JSON.parse(json) as Partial<GrantRecord>;
    if (record.v !== 1 || typeof record.file !== 'string' || typeof record.state !== 'string')
      return undefined;
    return record as GrantRecord;
  } catch {
    return undefined;
  }
}

/**
 * Reads a record from a PR body WITHOUT checking its seal: for reports that hold no key (`grantops
 * audit`, the demo). Never decide access from it; the lifecycle uses {@link openRecord}.
 */
export function decodeRecord(body: string | null | undefined): GrantRecord | undefined {
  const last = [...(body ?? '').matchAll(MARKERS)].at(-1); // the App writes its marker last
  return last ? parseRecord(last[1]!) : undefined;
}

/** What a PR body holds: a record whose seal matches, a marker that does not verify, or nothing. */
export type OpenedRecord =
  { status: 'sealed'; record: GrantRecord } | { status: 'forged' } | { status: 'none' };

/**
 * Reads the record of a PR body and checks its seal. Every marker in the body is tried (text
 * someone else wrote may hold look-alikes), and only a sealed one counts; a body with markers but
 * none sealed counts as forged.
 */
export function openRecord(body: string | null | undefined, scope: SealScope): OpenedRecord {
  const markers = [...(body ?? '').matchAll(MARKERS)];
  if (markers.length === 0) return { status: 'none' };
  for (const [, json, signature] of markers) {
    if (signature === undefined || !scope.seal.verify(sealedText(scope, json!), signature)) continue;
    const record = parseRecord(json!);
    if (record) return { status: 'sealed', record };
  }
  return { status: 'forged' };
}

/** What {@link newestSealedRecord} found among a branch's pull requests. */
export interface SealedRecordFound<P> {
  /** The PR whose sealed record was found. */
  pull: P | undefined;
  record: GrantRecord | undefined;
  /** PRs, newer than the one found, whose markers do not verify (forged, edited, copied). */
  forged: number[];
}

/**
 * The newest record among `pulls` (newest first) whose seal matches its own PR and that `about`
 * accepts (the grant file the branch belongs to); every other marker is only counted as forged.
 */
export function newestSealedRecord<P extends { number: number; body: string }>(
  pulls: readonly P[],
  scope: Omit<SealScope, 'pull'>,
  about: (record: GrantRecord) => boolean,
): SealedRecordFound<P> {
  const forged: number[] = [];
  for (const pull of pulls) {
    const opened = openRecord(pull.body, { ...scope, pull: pull.number });
    if (opened.status === 'sealed' && about(opened.record)) return { pull, record: opened.record, forged };
    if (opened.status !== 'none') forged.push(pull.number);
  }
  return { pull: undefined, record: undefined, forged };
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
