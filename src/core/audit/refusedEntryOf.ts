import { parseGrantPath } from '../grantPath.js';
import { parseRfc3339 } from '../time/index.js';
import type { AuditEntry } from './auditRow.js';
import type { GrantFacts } from './grantFacts.js';

/** A grant file a merged request carried that grantops refused to apply (as it reported on the PR). */
export interface RefusedGrant {
  file: string;
  /** Why grantops refused it. */
  why: string;
  requestUrl: string;
  author: string | undefined;
  mergedAt: string;
  /** The file's content at the request's head; empty when it could not be read. */
  facts: GrantFacts;
}

/** Maps a refused grant to one export row: never applied, so no reverting PR and no times of its own. */
export function refusedEntryOf(refused: RefusedGrant): AuditEntry {
  const { facts } = refused;
  return {
    row: {
      grant_file: refused.file,
      grantee: facts.grantee ?? null,
      resource: facts.resource ?? parseGrantPath(refused.file)?.folder ?? null,
      role: facts.role ?? null,
      reason: facts.reason ?? null,
      ticket: facts.ticket ?? null,
      requested_by: refused.author ?? null,
      request_pr: refused.requestUrl,
      approvers: [],
      emergency: facts.emergency === true,
      starts: facts.starts ?? null,
      expires: facts.expires ?? null,
      applied_at: null,
      revoked_at: null,
      state: 'refused',
      revert_pr: null,
      given_back_early: false,
      last_error: refused.why,
    },
    at: parseRfc3339(refused.mergedAt) ?? 0,
  };
}
