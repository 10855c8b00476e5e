import { ownersOf, type Codeowners } from '../../core/codeowners/index.js';
import { isTeam, sameLogin } from '../../core/checkEligibility.js';
import { isOwner } from '../../core/request/principalMatcher.js';
import type { GitHubPort, PullRequest, RepoId, Review } from '../../github/port.js';
import { resolveMembership } from '../resolveMembership.js';

/**
 * Who approved a merged request, for the record: reviewers whose latest review approved the merged
 * head commit and who own the grant file, other than its author and grantee. (grantops' check had
 * enforced every approval rule before the merge; this names the people, for the audit.)
 */
export function ownerApprovers(params: {
  reviews: readonly Review[];
  pr: Pick<PullRequest, 'headSha' | 'author'>;
  file: string;
  grantee: string;
  codeowners: Codeowners | undefined;
  membership: (team: string, login: string) => boolean | undefined;
}): string[] {
  const owners = params.codeowners ? ownersOf(params.codeowners, params.file).owners : [];
  const latest = new Map<string, Review>();
  for (const review of params.reviews)
    if (review.state !== 'COMMENTED' && review.state !== 'PENDING')
      latest.set(review.reviewer.toLowerCase(), review);
  return [...latest.values()]
    .filter((r) => r.state === 'APPROVED' && r.commitId === params.pr.headSha)
    .map((r) => r.reviewer)
    .filter((login) => !sameLogin(login, params.pr.author) && !sameLogin(login, params.grantee))
    .filter((login) => isOwner(login, owners, (team, who) => params.membership(team, who) === true));
}

/** Reads a merged PR's reviews and the member lists of the owner teams of `files`, once. */
export async function readApprovals(
  port: GitHubPort,
  repo: RepoId,
  pr: PullRequest,
  files: readonly string[],
  codeowners: Codeowners | undefined,
) {
  const reviews = await port.listReviews(repo, pr.number);
  const teams = [
    ...new Set(
      files
        .flatMap((f) => (codeowners ? ownersOf(codeowners, f).owners : []))
        .filter(isTeam)
        .map((t) => t.toLowerCase()),
    ),
  ];
  const { membership } = await resolveMembership(port, teams);
  return { reviews, membership };
}
