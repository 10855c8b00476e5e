import type { RepoId } from '../port.js';
import { toGitHubError } from '../githubError.js';
import { NO_RETRY, type AdapterState } from './state.js';

/**
 * Creates or updates the one comment that carries `marker` (a hidden HTML comment), so a
 * redelivered webhook or a repeated sweep never posts twice. An unchanged body is not rewritten.
 */
export async function upsertComment(
  state: AdapterState,
  repo: RepoId,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<void> {
  const text = body.includes(marker) ? body : `${body}\n\n${marker}`;
  const find = async () => {
    const comments = await state.octokit.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { ...repo, issue_number: issueNumber, per_page: 100 },
    );
    return comments.find((c) => c.body?.includes(marker));
  };
  try {
    const existing = await find();
    if (existing) {
      if (existing.body !== text) {
        await state.octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repo,
          comment_id: existing.id,
          body: text,
        });
      }
      return;
    }
    const post = () =>
      state.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: issueNumber,
        body: text,
        ...NO_RETRY,
      });
    try {
      await post();
    } catch (error) {
      if (!toGitHubError(error, '').retryable) throw error;
      if (await find()) return; // the first attempt landed; only its answer was lost
      await post();
    }
  } catch (error) {
    throw toGitHubError(error, `commenting on #${issueNumber}`);
  }
}
