import { htmlUrl, repoUrl, type Core } from '../core.js';
import type { Issue, IssueComment, Repo } from '../state/types.js';
import { authorAssociation } from './association.js';
import { renderUser } from './users.js';

/** A repository label by name, or undefined when the repository has none by that name. */
export function renderLabel(core: Core, repo: Repo, name: string): Record<string, unknown> | undefined {
  const label = repo.labels.get(name.toLowerCase());
  if (!label) return undefined;
  return {
    id: label.id,
    node_id: Buffer.from(`05:Label${label.id}`).toString('base64'),
    url: `${repoUrl(core, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  };
}

/** An issue (or the issue side of a pull request, with its `pull_request` links). */
export function renderIssue(core: Core, repo: Repo, issue: Issue): Record<string, unknown> {
  const url = `${repoUrl(core, repo)}/issues/${issue.number}`;
  const kind = issue.pull ? 'pull' : 'issues';
  const body: Record<string, unknown> = {
    url,
    repository_url: repoUrl(core, repo),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: htmlUrl(core, `${repo.owner}/${repo.name}/${kind}/${issue.number}`),
    id: issue.id,
    node_id: Buffer.from(`05:Issue${issue.id}`).toString('base64'),
    number: issue.number,
    title: issue.title,
    user: renderUser(core, issue.user),
    labels: issue.labels.flatMap((name) => renderLabel(core, repo, name) ?? []),
    state: issue.state,
    state_reason: issue.stateReason,
    locked: issue.locked,
    assignee: issue.assignees[0] ? renderUser(core, issue.assignees[0]) : null,
    assignees: issue.assignees.map((a) => renderUser(core, a)),
    milestone: null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: issue.closedBy ? renderUser(core, issue.closedBy) : null,
    author_association: authorAssociation(core, repo, issue.user),
    active_lock_reason: null,
    body: issue.body,
  };
  if (issue.pull) {
    const pullUrl = `${repoUrl(core, repo)}/pulls/${issue.number}`;
    const html = htmlUrl(core, `${repo.owner}/${repo.name}/pull/${issue.number}`);
    body['pull_request'] = {
      url: pullUrl,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: issue.pull.mergedAt,
    };
    body['draft'] = issue.pull.draft;
  }
  return body;
}

/** An issue comment. */
export function renderComment(core: Core, repo: Repo, comment: IssueComment): Record<string, unknown> {
  const kind = repo.issues.get(comment.issueNumber)?.pull ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
    url: `${repoUrl(core, repo)}/issues/comments/${comment.id}`,
    html_url: htmlUrl(
      core,
      `${repo.owner}/${repo.name}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    ),
    issue_url: `${repoUrl(core, repo)}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: renderUser(core, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(core, repo, comment.user),
  };
}
