import { ownersOf, type Codeowners } from '../codeowners/index.js';
import type { Membership } from '../checkEligibility.js';
import { grantStatus, grantWindow } from '../grantWindow.js';
import type { SourceFile } from '../problem.js';
import { resourceSettings } from '../resourceSettings.js';
import type { Grant, Policy } from '../types.js';
import { describeRule, matchAutoApprove } from './matchAutoApprove.js';
import { isOwner } from './principalMatcher.js';
import type { QualifiedReviews } from './qualifyReviews.js';
import type { FileApproval } from './types.js';

/**
 * For each requested grant file: the owners of its last matching CODEOWNERS rule (read at the
 * base), the qualifying approvals among them, and whether the file is approved — by at least
 * `approvals.min` distinct owners, by an auto_approve rule, or as an allowed emergency grant.
 * An owner whose latest review requests changes blocks the file whatever else approves it.
 */
export function evaluateApprovals(params: {
  files: readonly string[];
  grants: ReadonlyMap<string, SourceFile<Grant>>;
  policy: Policy;
  codeowners: Codeowners | undefined;
  reviews: QualifiedReviews;
  membership: Membership;
  now: number;
}): FileApproval[] {
  const { policy, reviews, membership } = params;
  return params.files.map((file) => {
    const owners = params.codeowners ? ownersOf(params.codeowners, file).owners : [];
    const grant = params.grants.get(file)?.data;
    const resource =
      grant && Object.hasOwn(policy.resources, grant.resource) ? policy.resources[grant.resource] : undefined;
    const min = resource ? resourceSettings(policy, resource).approvalsMin : 1;
    const approval: FileApproval = {
      file,
      owners,
      min,
      approvedBy: reviews.approvers.filter((login) => isOwner(login, owners, membership)),
      changesRequestedBy: reviews.changesRequested.filter((login) => isOwner(login, owners, membership)),
      approvedVia: undefined,
    };
    if (!grant || !resource || owners.length === 0 || approval.changesRequestedBy.length > 0) return approval;
    const window = grantWindow(grant);
    // An expired (or unreadable) grant is approved by nobody and nothing: it can only be closed.
    if (!window || grantStatus(window, params.now) === 'expired') return approval;
    if (grant.emergency && resource.emergency) return { ...approval, approvedVia: 'emergency' };
    const rule = matchAutoApprove({
      resource,
      grantee: grant.grantee,
      role: grant.role ?? resourceSettings(policy, resource).roles[0],
      durationMs: window.expiresAt - Math.max(window.startsAt ?? params.now, params.now),
      membership,
    });
    if (rule)
      return { ...approval, approvedVia: 'auto_approve', autoApproveRule: describeRule(rule) || 'any grant' };
    return approval.approvedBy.length >= min ? { ...approval, approvedVia: 'reviews' } : approval;
  });
}
