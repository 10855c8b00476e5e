import { htmlUrl, repoUrl, type Core } from '../core.js';
import { commitsBetween } from '../git/history.js';
import { analyzeMerge } from '../ops/mergeability.js';
import { checkProtection } from '../ops/protection.js';
import type { Issue, Pull, Repo } from '../state/types.js';
import { authorAssociation } from './association.js';
import { renderLabel } from './issues.js';
import { renderRepo } from './repos.js';
import { renderTeam } from './teams.js';
import { renderUser } from './users.js';
import { pullBaseSha, pullFileChanges } from '../ops/pullFiles.js';

function branchSide(core: Core, repo: Repo, ref: string, sha: string): Record<string, unknown> {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: renderUser(core, repo.owner),
    repo: renderRepo(core, repo),
  };
}

function mergeFields(repo: Repo, issue: Issue, pull: Pull): Record<string, unknown> {
  if (issue.state === 'closed') return { mergeable: null, rebaseable: null, mergeable_state: 'unknown' };
  const analysis = analyzeMerge(repo, pull);
  const blocked = checkProtection(repo, issue, analysis, null).message !== null;
  const state = !analysis.merge.ok ? 'dirty' : blocked ? 'blocked' : analysis.behind ? 'behind' : 'clean';
  return { mergeable: analysis.merge.ok, rebaseable: analysis.merge.ok, mergeable_state: state };
}

function stats(repo: Repo, pull: Pull): Record<string, unknown> {
  const files = pullFileChanges(repo, pull);
  const commits = commitsBetween(repo.git, pullBaseSha(repo, pull), pull.headSha);
  return {
    commits: commits.length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  };
}

/**
 * A pull request as the REST API returns it. `full` adds what only `GET /pulls/{n}` and webhooks
 * carry (merged, mergeable, counts).
 */
export function renderPull(core: Core, repo: Repo, issue: Issue, full: boolean): Record<string, unknown> {
  const pull = issue.pull as Pull;
  const url = repoUrl(core, repo);
  const html = htmlUrl(core, `${repo.owner}/${repo.name}/pull/${issue.number}`);
  const base = pullBaseSha(repo, pull);
  const body: Record<string, unknown> = {
    url: `${url}/pulls/${issue.number}`,
    id: pull.id,
    node_id: Buffer.from(`011:PullRequest${pull.id}`).toString('base64'),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${url}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: renderUser(core, issue.user),
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: issue.assignees[0] ? renderUser(core, issue.assignees[0]) : null,
    assignees: issue.assignees.map((a) => renderUser(core, a)),
    requested_reviewers: pull.requestedReviewers.map((r) => renderUser(core, r)),
    requested_teams: pull.requestedTeams.flatMap((slug) => renderTeam(core, repo.owner, slug) ?? []),
    labels: issue.labels.flatMap((name) => renderLabel(core, repo, name) ?? []),
    milestone: null,
    draft: pull.draft,
    commits_url: `${url}/pulls/${issue.number}/commits`,
    review_comments_url: `${url}/pulls/${issue.number}/comments`,
    review_comment_url: `${url}/pulls/comments{/number}`,
    comments_url: `${url}/issues/${issue.number}/comments`,
    statuses_url: `${url}/statuses/${pull.headSha}`,
    head: branchSide(core, repo, pull.headRef, pull.headSha),
    base: branchSide(core, repo, pull.baseRef, base),
    _links: {
      self: { href: `${url}/pulls/${issue.number}` },
      html: { href: html },
      issue: { href: `${url}/issues/${issue.number}` },
      comments: { href: `${url}/issues/${issue.number}/comments` },
      review_comments: { href: `${url}/pulls/${issue.number}/comments` },
      review_comment: { href: `${url}/pulls/comments{/number}` },
      commits: { href: `${url}/pulls/${issue.number}/commits` },
      statuses: { href: `${url}/statuses/${pull.headSha}` },
    },
    author_association: authorAssociation(core, repo, issue.user),
    auto_merge: null,
    active_lock_reason: null,
  };
  if (!full) return body;
  return {
    ...body,
    merged: pull.merged,
    ...mergeFields(repo, issue, pull),
    merged_by: pull.mergedBy ? renderUser(core, pull.mergedBy) : null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    ...stats(repo, pull),
  };
}
