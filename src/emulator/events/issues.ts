import type { Core } from '../core.js';
import { renderComment, renderIssue, renderLabel } from '../render/issues.js';
import { renderPull } from '../render/pulls.js';
import type { Issue, IssueComment, Repo } from '../state/types.js';
import { emitEvent } from './emit.js';

/**
 * Sends `issues` for an issue, or `pull_request` when the issue is a pull request (GitHub sends
 * `labeled`, `closed`, ... of pull requests as `pull_request` events).
 */
export function emitIssue(
  core: Core,
  params: {
    repo: Repo;
    issue: Issue;
    action: string;
    sender: string;
    label?: string;
    extra?: Record<string, unknown>;
  },
): void {
  const { repo, issue } = params;
  const label = params.label !== undefined ? { label: renderLabel(core, repo, params.label) } : {};
  emitEvent(core, {
    event: issue.pull ? 'pull_request' : 'issues',
    action: params.action,
    repo,
    sender: params.sender,
    fields: issue.pull
      ? { number: issue.number, pull_request: renderPull(core, repo, issue, true), ...label, ...params.extra }
      : { issue: renderIssue(core, repo, issue), ...label, ...params.extra },
  });
}

/** Sends `issue_comment` (`created`, `edited`, `deleted`). */
export function emitIssueComment(
  core: Core,
  params: {
    repo: Repo;
    issue: Issue;
    comment: IssueComment;
    action: string;
    sender: string;
    extra?: Record<string, unknown>;
  },
): void {
  emitEvent(core, {
    event: 'issue_comment',
    action: params.action,
    repo: params.repo,
    sender: params.sender,
    fields: {
      issue: renderIssue(core, params.repo, params.issue),
      comment: renderComment(core, params.repo, params.comment),
      ...params.extra,
    },
  });
}
