import { ownersOf } from '../codeowners/index.js';
import { sameLogin, type Membership } from '../checkEligibility.js';
import type { GrantsRepo } from '../grantsRepo.js';
import { isOwner } from './principalMatcher.js';
import type { QualifiedReviews } from './qualifyReviews.js';
import type { FileApproval } from './types.js';

/**
 * For each removed grant file: who may approve removing it, and whether they did. Removing a grant
 * revokes its access on merge, so it is approved like a request of that file, with two differences.
 * Its grantee may give it back without anyone else, by authoring the pull request or by approving
 * it. Otherwise one qualifying approval by a code owner of the file (last matching CODEOWNERS rule
 * at the base) is needed: `approvals.min` and `auto_approve` are about granting, not taking away.
 * An owner whose latest review requests changes blocks the file unless its grantee gives it back.
 * The grantee is read from the file as it is on the default branch (`base`); a file that is not a
 * readable grant there has no grantee, so only its code owners can approve removing it.
 */
export function evaluateRemovals(params: {
  files: readonly string[];
  base: GrantsRepo;
  author: string;
  reviews: QualifiedReviews;
  membership: Membership;
}): FileApproval[] {
  const { base, author, reviews, membership } = params;
  return params.files.map((file) => {
    const owners = base.codeowners ? ownersOf(base.codeowners, file).owners : [];
    const grantee = base.grants.find((g) => g.file === file)?.data.grantee;
    const approval: FileApproval = {
      file,
      owners,
      min: 1,
      approvedBy: reviews.approvers.filter((login) => isOwner(login, owners, membership)),
      changesRequestedBy: reviews.changesRequested.filter((login) => isOwner(login, owners, membership)),
      approvedVia: undefined,
      removal: { grantee },
    };
    const byGrantee = (login: string) => grantee !== undefined && sameLogin(login, grantee);
    if (byGrantee(author) || reviews.approvers.some(byGrantee))
      return { ...approval, approvedVia: 'grantee' };
    if (approval.changesRequestedBy.length > 0 || approval.approvedBy.length === 0) return approval;
    return { ...approval, approvedVia: 'reviews' };
  });
}
