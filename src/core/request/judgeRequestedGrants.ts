import { ownersOf } from '../codeowners/index.js';
import { grantStatus, grantWindow } from '../grantWindow.js';
import { problemAt, type Problem, type SourceFile } from '../problem.js';
import { resourceSettings } from '../resourceSettings.js';
import { formatUtc } from '../time/index.js';
import type { Grant, Policy } from '../types.js';
import { validateGrant } from '../validateGrant.js';
import type { RequestInput } from './evaluateRequest.js';
import { evaluateApprovals } from './evaluateApprovals.js';
import { evaluateRemovals } from './evaluateRemovals.js';
import { qualifyReviews } from './qualifyReviews.js';
import type { FileApproval, GrantRow, IgnoredReview } from './types.js';

export interface JudgedGrants {
  problems: Problem[];
  grants: GrantRow[];
  approvals: FileApproval[];
  ignoredReviews: IgnoredReview[];
  allExpired: boolean;
}

/**
 * Validates each requested grant file (as at the head) against the policy and CODEOWNERS at the
 * base, and works out its approvals, then those of each removed grant file (see evaluateRemovals).
 * Every requested path must yield a valid grant.
 */
export function judgeRequestedGrants(params: {
  input: RequestInput;
  requested: readonly string[];
  removed: readonly string[];
  ttlMs: number;
}): JudgedGrants {
  const { input, requested, removed, ttlMs } = params;
  const policy = input.base.policy!.data;
  const wanted = new Set(requested);
  const grants = new Map<string, SourceFile<Grant>>(
    input.head.grants.filter((g) => wanted.has(g.file)).map((g) => [g.file, g]),
  );
  const problems: Problem[] = input.head.problems
    .filter((p) => wanted.has(p.file))
    .map((p) =>
      p.code === 'grant-not-yaml'
        ? {
            ...p,
            severity: 'error' as const,
            message: 'only grant files (.yml) may be requested under grants/',
          }
        : p,
    );
  for (const [file, grant] of grants) {
    problems.push(...validateGrant(grant, { policy, now: input.now, membership: input.membership }));
    if (!input.base.codeowners || ownersOf(input.base.codeowners, file).owners.length === 0) {
      problems.push({
        file,
        line: 1,
        col: 1,
        code: 'grant-unowned',
        message: 'no CODEOWNERS rule on the default branch owns this file, so no review can approve it',
        severity: 'error',
      });
    }
    // A grant file names one grantee for its whole life: its record and reverting PR are theirs, so
    // handing the file to someone else would extend the first grantee's access under the second's name.
    const before = input.base.grants.find((g) => g.file === file)?.data.grantee;
    if (before !== undefined && before.toLowerCase() !== grant.data.grantee.toLowerCase()) {
      problems.push(
        problemAt(
          grant,
          ['grantee'],
          'grant-grantee-changed',
          `this grant belongs to ${before}: a grant file cannot change its grantee; request access for ${grant.data.grantee} in a new file`,
        ),
      );
    }
  }
  // Say why nobody owns anything when the CODEOWNERS GitHub uses cannot be read.
  problems.push(...(input.base.codeowners?.problems ?? []).filter((p) => p.code === 'codeowners-unreadable'));
  for (const file of requested) {
    if (!grants.has(file) && !problems.some((p) => p.file === file && p.severity === 'error')) {
      problems.push({
        file,
        line: 1,
        col: 1,
        code: 'request-not-a-grant',
        message: 'this file is not a grant file grantops can read',
        severity: 'error',
      });
    }
  }
  const rows = [...grants.values()].map((g) => grantRow(g, input, policy));
  const allExpired = rows.length > 0 && rows.every((r) => r.expired);
  if (!allExpired) {
    for (const row of rows.filter((r) => r.expired)) {
      problems.push(
        problemAt(
          grants.get(row.file)!,
          ['expires'],
          'request-expired',
          `this grant expired at ${row.until}; move expires or remove the file`,
        ),
      );
    }
  }
  const reviews = qualifyReviews({
    reviews: input.reviews,
    headSha: input.pr.headSha,
    excluded: {
      author: input.pr.author,
      grantees: rows.map((r) => r.grantee),
      pusher: input.pusher,
      commitAuthors: input.commitAuthors,
    },
    now: input.now,
    ttlMs,
  });
  const approvals = [
    ...evaluateApprovals({
      files: requested,
      grants,
      policy,
      codeowners: input.base.codeowners,
      reviews,
      membership: input.membership,
      now: input.now,
    }),
    ...evaluateRemovals({
      files: removed,
      base: input.base,
      author: input.pr.author,
      reviews,
      membership: input.membership,
    }),
  ];
  return { problems, grants: rows, approvals, ignoredReviews: reviews.ignored, allExpired };
}

function grantRow(source: SourceFile<Grant>, input: RequestInput, policy: Policy): GrantRow {
  const grant = source.data;
  const window = grantWindow(grant);
  const resource = Object.hasOwn(policy.resources, grant.resource)
    ? policy.resources[grant.resource]
    : undefined;
  return {
    file: source.file,
    grantee: grant.grantee,
    resource: grant.resource,
    role: grant.role ?? (resource ? resourceSettings(policy, resource).roles[0] : undefined),
    from: grant.starts ?? 'on merge',
    until: window ? formatUtc(window.expiresAt) : grant.expires,
    reason: grant.reason,
    ticket: grant.ticket,
    emergency: grant.emergency ?? false,
    expired: window ? grantStatus(window, input.now) === 'expired' : false,
  };
}
