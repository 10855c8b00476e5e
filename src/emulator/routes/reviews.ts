import { permits, userRepoPermission } from '../access.js';
import { timestamp } from '../core.js';
import { emitReview } from '../events/pullRequest.js';
import { forbidden, notFound, unprocessable, unprocessableEntity } from '../http.js';
import { optEnum, optString, reqString } from '../input.js';
import { paginate } from '../pagination.js';
import { findPull, type PullIssue } from '../ops/findPull.js';
import { renderReview } from '../render/reviews.js';
import type { RouteDef } from '../router.js';
import type { Review } from '../state/types.js';
import { numParam, ok, repoRoute, type RepoCtx } from './define.js';

const EVENTS = ['APPROVE', 'REQUEST_CHANGES', 'COMMENT'] as const;
const STATES: Record<(typeof EVENTS)[number], Review['state']> = {
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  COMMENT: 'COMMENTED',
};
const reviewNeed = { permission: 'pull_requests', level: 'read' as const, appLevel: 'write' as const };

function submit(ctx: RepoCtx, issue: PullIssue, review: Review, event: (typeof EVENTS)[number]): void {
  const own = review.user.toLowerCase() === issue.user.toLowerCase();
  if (own && event === 'APPROVE') throw unprocessableEntity('Can not approve your own pull request');
  if (own && event === 'REQUEST_CHANGES')
    throw unprocessableEntity('Can not request changes on your own pull request');
  if (event !== 'APPROVE' && review.body.trim() === '')
    throw unprocessableEntity(`Review ${event === 'COMMENT' ? 'comment' : 'body'} can't be blank`);
  review.state = STATES[event];
  review.submittedAt = timestamp(ctx.core);
  issue.pull.requestedReviewers = issue.pull.requestedReviewers.filter(
    (r) => r.toLowerCase() !== review.user.toLowerCase(),
  );
  emitReview(ctx.core, { repo: ctx.repo, issue, review, action: 'submitted', sender: review.user });
}

function findReview(ctx: RepoCtx, issue: PullIssue): Review {
  const id = numParam(ctx, 'review_id');
  const review = issue.pull.reviews.find((r) => r.id === id);
  const viewer = ctx.actor.login?.toLowerCase();
  if (!review || (review.state === 'PENDING' && review.user.toLowerCase() !== viewer)) throw notFound();
  return review;
}

/** Pull request reviews: list, get, create (with APPROVE/REQUEST_CHANGES/COMMENT), submit, dismiss, delete. */
export const reviewsRoutes: RouteDef[] = [
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    { permission: 'pull_requests' },
    (ctx) => {
      const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
      const viewer = ctx.actor.login?.toLowerCase();
      const visible = issue.pull.reviews.filter(
        (r) => r.state !== 'PENDING' || r.user.toLowerCase() === viewer,
      );
      const page = paginate({ items: visible, query: ctx.query, url: ctx.core.url, path: ctx.path });
      return ok(
        page.items.map((r) => renderReview(ctx.core, ctx.repo, issue, r)),
        page.headers,
      );
    },
  ),
  repoRoute(
    'GET',
    '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
    { permission: 'pull_requests' },
    (ctx) => {
      const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
      return ok(renderReview(ctx.core, ctx.repo, issue, findReview(ctx, issue)));
    },
  ),
  repoRoute('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', reviewNeed, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    const user = ctx.actor.login ?? 'ghost';
    const event = optEnum(ctx.body, 'event', EVENTS);
    const commitId = optString(ctx.body, 'commit_id') ?? issue.pull.headSha;
    if (!ctx.repo.git.commit(commitId)) throw unprocessableEntity('Commit could not be found');
    const pending = issue.pull.reviews.find(
      (r) => r.state === 'PENDING' && r.user.toLowerCase() === user.toLowerCase(),
    );
    if (pending) throw unprocessableEntity('User can only have one pending review per pull request');
    const review: Review = {
      id: ctx.core.state.nextId(),
      user,
      body: optString(ctx.body, 'body') ?? '',
      state: 'PENDING',
      commitId,
      submittedAt: null,
    };
    if (event) submit(ctx, issue, review, event);
    issue.pull.reviews.push(review);
    return ok(renderReview(ctx.core, ctx.repo, issue, review));
  }),
  repoRoute(
    'POST',
    '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events',
    reviewNeed,
    (ctx) => {
      const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
      const review = findReview(ctx, issue);
      if (review.state !== 'PENDING') throw unprocessableEntity('Can not submit a non-pending review');
      const event = optEnum(ctx.body, 'event', EVENTS);
      if (!event) throw unprocessable('Invalid request.\n\n"event" wasn\'t supplied.');
      const body = optString(ctx.body, 'body');
      if (body !== undefined) review.body = body;
      submit(ctx, issue, review, event);
      return ok(renderReview(ctx.core, ctx.repo, issue, review));
    },
  ),
  repoRoute('PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', reviewNeed, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    const review = findReview(ctx, issue);
    if (review.user.toLowerCase() !== ctx.actor.login?.toLowerCase())
      throw forbidden('You can only update your own reviews.');
    review.body = reqString(ctx.body, 'body');
    return ok(renderReview(ctx.core, ctx.repo, issue, review));
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', reviewNeed, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    const review = findReview(ctx, issue);
    if (review.state !== 'PENDING')
      throw unprocessableEntity('Can not delete a non-pending pull request review');
    issue.pull.reviews = issue.pull.reviews.filter((r) => r !== review);
    return ok(renderReview(ctx.core, ctx.repo, issue, review));
  }),
  repoRoute(
    'PUT',
    '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals',
    { permission: 'pull_requests' },
    (ctx) => {
      const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
      const review = findReview(ctx, issue);
      reqString(ctx.body, 'message');
      if (
        ctx.actor.kind === 'user' &&
        !permits(userRepoPermission(ctx.core.state, ctx.repo, ctx.actor.login), 'write')
      )
        throw forbidden('Must have push access to dismiss a review.');
      if (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED')
        throw unprocessableEntity(
          `Can not dismiss a ${review.state.toLowerCase().replace('_', ' ')} pull request review`,
        );
      review.state = 'DISMISSED';
      emitReview(ctx.core, {
        repo: ctx.repo,
        issue,
        review,
        action: 'dismissed',
        sender: ctx.actor.login ?? 'ghost',
      });
      return ok(renderReview(ctx.core, ctx.repo, issue, review));
    },
  ),
];
