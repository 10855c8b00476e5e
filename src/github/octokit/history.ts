import type { PullRequest, RepoId } from '../port.js';
import { toGitHubError } from '../githubError.js';
import { toPullRequest } from './pulls.js';
import { NO_RETRY, type AdapterState } from './state.js';

export async function lastCommitForPath(
  state: AdapterState,
  repo: RepoId,
  path: string,
  ref: string,
): Promise<string | undefined> {
  try {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/commits', {
      ...repo,
      path,
      sha: ref,
      per_page: 1,
    });
    return data[0]?.sha;
  } catch (error) {
    throw toGitHubError(error, `finding the last commit of ${path}`);
  }
}

export async function pullsForCommit(state: AdapterState, repo: RepoId, sha: string): Promise<PullRequest[]> {
  try {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
      ...repo,
      commit_sha: sha,
    });
    return data.map((p) => toPullRequest(p as Parameters<typeof toPullRequest>[0]));
  } catch (error) {
    throw toGitHubError(error, `finding the pull request of commit ${sha.slice(0, 7)}`);
  }
}

/** Comments on a commit once: an existing comment with the marker is left as it is. */
export async function upsertCommitComment(
  state: AdapterState,
  repo: RepoId,
  sha: string,
  marker: string,
  body: string,
): Promise<void> {
  try {
    const comments = await state.octokit.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/comments', {
      ...repo,
      commit_sha: sha,
      per_page: 100,
    });
    if (comments.some((c) => c.body.includes(marker))) return;
    await state.octokit.request('POST /repos/{owner}/{repo}/commits/{commit_sha}/comments', {
      ...repo,
      commit_sha: sha,
      body: `${body}\n\n${marker}`,
      ...NO_RETRY,
    });
  } catch (error) {
    throw toGitHubError(error, `commenting on commit ${sha.slice(0, 7)}`);
  }
}
