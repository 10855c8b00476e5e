import {
  approversFromReviews,
  auditEntryOf,
  grantPeriod,
  mergedBeforeExpiry,
  needsRequestFacts,
  overlapsRange,
  refusedEntryOf,
  sortAuditEntries,
  type AuditEntry,
  type AuditRange,
  type AuditRow,
  type GrantFacts,
  type RevertPullFacts,
} from '../core/audit/index.js';
import { decodeRecord, LABELS } from '../core/lifecycle/index.js';
import { parseRfc3339 } from '../core/time/index.js';
import type { AuditState } from './auditState.js';
import { listAuditedPulls, type ListedPull } from './listAuditedPulls.js';
import { mapConcurrently } from './mapConcurrently.js';
import { readGrantFacts } from './readGrantFacts.js';
import { readRefusals } from './readRefusals.js';
import { mergedByPerson, readRequestFacts, type RequestFacts } from './readRequestFacts.js';

/** What an export found. */
export interface AuditResult {
  rows: AuditRow[];
  /** Reverting pull requests whose record is missing or damaged (left out, named for a look by hand). */
  unreadable: number[];
}

/** Reads in flight at once: quick on GitHub, far below its secondary rate limits. */
const CONCURRENCY = 8;

/** The reads shared by grants: each blob and each request is read once per export. */
interface Readers {
  facts: (file: string, sha: string) => Promise<GrantFacts>;
  request: (number: number) => Promise<RequestFacts | undefined>;
}

function createReaders(state: AuditState): Readers {
  const blobs = new Map<string, Promise<GrantFacts>>();
  const requests = new Map<number, Promise<RequestFacts | undefined>>();
  return {
    facts: (file, sha) => {
      if (!blobs.has(sha)) blobs.set(sha, readGrantFacts(state, file, sha));
      return blobs.get(sha)!;
    },
    request: (number) => {
      if (!requests.has(number)) requests.set(number, readRequestFacts(state, number));
      return requests.get(number)!;
    },
  };
}

/** One recorded grant's row, reading beyond its record only what the record lacks. */
async function entryFor(state: AuditState, readers: Readers, pull: RevertPullFacts): Promise<AuditEntry> {
  const { record } = pull;
  const none = Promise.resolve(undefined);
  const [grant, request, byPerson] = await Promise.all([
    typeof record.blob === 'string' ? readers.facts(record.file, record.blob) : none,
    needsRequestFacts(record) ? readers.request(record.requestPr!) : none,
    mergedBeforeExpiry(pull) ? mergedByPerson(state, pull.number) : none,
  ]);
  return auditEntryOf(pull, {
    reason: grant?.reason,
    ticket: grant?.ticket,
    requestedBy: request?.author,
    approvers:
      request &&
      approversFromReviews(request.reviews, {
        headSha: request.headSha,
        excluded: [request.author, record.grantee],
      }),
    mergedByPerson: byPerson,
  });
}

function revertFacts(pull: ListedPull): RevertPullFacts | undefined {
  const record = decodeRecord(pull.body);
  if (!record) return undefined;
  const { number, url, state, createdAt, closedAt, mergedAt } = pull;
  return { number, url, state, createdAt, closedAt, mergedAt, record };
}

function refusalCandidate(pull: ListedPull, range: AuditRange): pull is ListedPull & { mergedAt: string } {
  const merged = pull.mergedAt === undefined ? undefined : parseRfc3339(pull.mergedAt);
  return (
    merged !== undefined &&
    merged >= range.since &&
    merged <= range.until &&
    pull.comments > 0 &&
    !pull.labels.includes(LABELS.revoke)
  );
}

/**
 * Builds the audit of one grants repository for a time range from GitHub alone: the records on
 * reverting pull requests (which outlive the grant files), enriched only where a record falls
 * short, plus the grants merged requests carried that grantops refused. API calls grow with the
 * grants in the range: two listings (a page per 100), one blob read per grant (reason, ticket),
 * two per request lacking who asked or approved, one per reverting PR merged before expiry, and
 * one per merged request with comments (more only for refused files).
 */
export async function collectAudit(state: AuditState, range: AuditRange): Promise<AuditResult> {
  const listed = await listAuditedPulls(state, range.since);
  const reverts = listed.filter((p) => p.labels.includes(LABELS.revoke));
  const unreadable = reverts.filter((p) => !decodeRecord(p.body)).map((p) => p.number);
  const inRange = reverts
    .flatMap((p) => revertFacts(p) ?? [])
    .filter((p) => overlapsRange(grantPeriod(p), range));
  const readers = createReaders(state);
  const entries = await mapConcurrently(inRange, CONCURRENCY, (p) => entryFor(state, readers, p));
  const merged = listed.filter((p) => refusalCandidate(p, range));
  const refused = (
    await mapConcurrently(merged, CONCURRENCY, (p) => readRefusals(state, p, readers.facts))
  ).flat();
  return { rows: sortAuditEntries([...entries, ...refused.map(refusedEntryOf)]), unreadable };
}
