import { htmlUrl, repoUrl, type Core } from '../core.js';
import type { Issue, Repo, Review } from '../state/types.js';
import { authorAssociation } from './association.js';
import { renderUser } from './users.js';

/** A pull request review as the reviews API returns it. */
export function renderReview(core: Core, repo: Repo, issue: Issue, review: Review): Record<string, unknown> {
  const html = htmlUrl(
    core,
    `${repo.owner}/${repo.name}/pull/${issue.number}#pullrequestreview-${review.id}`,
  );
  const pullUrl = `${repoUrl(core, repo)}/pulls/${issue.number}`;
  const body: Record<string, unknown> = {
    id: review.id,
    node_id: Buffer.from(`017:PullRequestReview${review.id}`).toString('base64'),
    user: renderUser(core, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(core, repo, review.user),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    commit_id: review.commitId,
  };
  if (review.submittedAt) body['submitted_at'] = review.submittedAt;
  return body;
}
