import { sameLogin } from '../checkEligibility.js';
import type { IgnoredReview, ReviewInfo } from './types.js';

/** Who may not approve a request: the people it benefits or who shaped its content. */
export interface Excluded {
  author: string;
  grantees: readonly string[];
  /** Who pushed the head commit; undefined when unknown (then no approval counts: fail closed). */
  pusher: string | undefined;
  commitAuthors: readonly string[];
}

/** The reviews that stand, per reviewer, after applying GitHub's "latest review wins" rule. */
export interface QualifiedReviews {
  /** Reviewers whose approval counts for this head commit. */
  approvers: string[];
  /** Reviewers whose latest review requests changes. */
  changesRequested: string[];
  ignored: IgnoredReview[];
}

/**
 * Applies the approval rules to a PR's reviews. A review counts only when it is the reviewer's
 * latest state (a COMMENTED review does not replace an approval; a dismissal does), is an
 * approval, is on the current head commit, is younger than the request TTL, is by a person (not a
 * bot), and its author is not the PR author, a grantee of the PR, the last pusher, or an author or
 * committer of one of the PR's commits.
 */
export function qualifyReviews(params: {
  reviews: readonly ReviewInfo[];
  headSha: string;
  excluded: Excluded;
  now: number;
  ttlMs: number;
}): QualifiedReviews {
  const { headSha, excluded, now, ttlMs } = params;
  const latest = new Map<string, ReviewInfo>();
  const ordered = params.reviews
    .filter((r) => r.submittedAt !== undefined && r.state !== 'PENDING' && r.state !== 'COMMENTED')
    .sort((a, b) => Date.parse(a.submittedAt!) - Date.parse(b.submittedAt!));
  for (const review of ordered) latest.set(review.reviewer.toLowerCase(), review);
  const result: QualifiedReviews = { approvers: [], changesRequested: [], ignored: [] };
  for (const review of latest.values()) {
    if (review.state === 'CHANGES_REQUESTED') result.changesRequested.push(review.reviewer);
    if (review.state !== 'APPROVED') continue;
    const why = disqualify(review, { headSha, excluded, now, ttlMs });
    if (why) result.ignored.push({ reviewer: review.reviewer, why });
    else result.approvers.push(review.reviewer);
  }
  return result;
}

function disqualify(
  review: ReviewInfo,
  context: { headSha: string; excluded: Excluded; now: number; ttlMs: number },
): string | undefined {
  const { excluded } = context;
  const who = review.reviewer;
  if (review.reviewerIsBot) return 'reviews by bots do not count';
  if (sameLogin(who, excluded.author)) return 'the author of a request cannot approve it';
  if (excluded.grantees.some((g) => sameLogin(g, who))) return 'a grantee cannot approve their own access';
  if (excluded.pusher === undefined) {
    return 'who pushed the head commit is unknown (its push event was not received); push again to re-run the check';
  }
  if (sameLogin(excluded.pusher, who)) return 'the last pusher cannot approve what they pushed';
  if (excluded.commitAuthors.some((a) => sameLogin(a, who)))
    return 'an author or committer of a commit in the PR cannot approve it';
  if (review.commitId !== context.headSha)
    return `the approval is for an older commit (${review.commitId.slice(0, 7)}); approve the current one`;
  if (context.now - Date.parse(review.submittedAt!) > context.ttlMs)
    return 'the approval is older than the request TTL; approve again';
  return undefined;
}
