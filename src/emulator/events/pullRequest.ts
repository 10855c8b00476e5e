import type { Core } from '../core.js';
import { renderPull } from '../render/pulls.js';
import { renderReview } from '../render/reviews.js';
import type { Issue, Repo, Review } from '../state/types.js';
import { emitEvent } from './emit.js';

/** Sends `pull_request` with an action (`opened`, `synchronize`, `closed`, `reopened`, `edited`, ...). */
export function emitPullRequest(
  core: Core,
  params: { repo: Repo; issue: Issue; action: string; sender: string; extra?: Record<string, unknown> },
): void {
  emitEvent(core, {
    event: 'pull_request',
    action: params.action,
    repo: params.repo,
    sender: params.sender,
    fields: {
      number: params.issue.number,
      pull_request: renderPull(core, params.repo, params.issue, true),
      ...params.extra,
    },
  });
}

/** Sends `pull_request_review` (`submitted`, `dismissed`); webhook review states are lower case. */
export function emitReview(
  core: Core,
  params: { repo: Repo; issue: Issue; review: Review; action: string; sender: string },
): void {
  const review = renderReview(core, params.repo, params.issue, params.review);
  emitEvent(core, {
    event: 'pull_request_review',
    action: params.action,
    repo: params.repo,
    sender: params.sender,
    fields: {
      review: { ...review, state: params.review.state.toLowerCase() },
      pull_request: renderPull(core, params.repo, params.issue, false),
    },
  });
}
