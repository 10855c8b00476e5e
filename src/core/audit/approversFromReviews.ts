/** A review as an audit reads it. */
export interface ReviewFacts {
  reviewer: string;
  state: string;
  commitId: string;
}

/**
 * Who approved a request, read from its reviews when the grant's record does not say: each
 * reviewer's latest decisive review (comments do not change a decision) that approves the final
 * head commit, never by the author or the grantee (DESIGN.md 2, step 3). Logins in review order.
 */
export function approversFromReviews(
  reviews: readonly ReviewFacts[],
  params: { headSha: string; excluded: readonly (string | null | undefined)[] },
): string[] {
  const excluded = new Set(params.excluded.flatMap((login) => (login ? [login.toLowerCase()] : [])));
  const latest = new Map<string, ReviewFacts>();
  for (const review of reviews)
    if (review.state !== 'COMMENTED' && review.state !== 'PENDING')
      latest.set(review.reviewer.toLowerCase(), review);
  return [...latest.entries()]
    .filter(
      ([login, review]) =>
        review.state === 'APPROVED' && review.commitId === params.headSha && !excluded.has(login),
    )
    .map(([, review]) => review.reviewer);
}
