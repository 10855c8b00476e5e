import type { ChangedFile, MergeOutcome, PullRequest, RepoId, Review } from '../port.js';
import { statusOf, toGitHubError } from '../githubError.js';
import { NO_RETRY, type AdapterState } from './state.js';

interface RawPull {
  number: number;
  state: string;
  merged?: boolean | null;
  merged_at?: string | null;
  draft?: boolean;
  title: string;
  body: string | null;
  user: { login: string } | null;
  created_at: string;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  merge_commit_sha: string | null;
  labels: { name?: string }[];
}

/** Maps GitHub's pull request shape (REST or webhook payload) to the port's. */
export function toPullRequest(raw: RawPull): PullRequest {
  return {
    number: raw.number,
    state: raw.state === 'closed' ? 'closed' : 'open',
    merged: Boolean(raw.merged ?? raw.merged_at),
    draft: raw.draft ?? false,
    title: raw.title,
    body: raw.body ?? '',
    author: raw.user?.login ?? 'ghost',
    createdAt: raw.created_at,
    headSha: raw.head.sha,
    headRef: raw.head.ref,
    baseRef: raw.base.ref,
    baseSha: raw.base.sha,
    mergeCommitSha: raw.merge_commit_sha ?? undefined,
    labels: raw.labels.map((l) => l.name ?? '').filter(Boolean),
  };
}

export async function getPullRequest(
  state: AdapterState,
  repo: RepoId,
  number: number,
): Promise<PullRequest> {
  try {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: number,
    });
    return toPullRequest(data as RawPull);
  } catch (error) {
    throw toGitHubError(error, `reading pull request #${number}`);
  }
}

/** Maps one of GitHub's diff entries (pull request files, comparisons) to the port's changed file. */
export function toChangedFile(f: {
  filename: string;
  status: ChangedFile['status'];
  previous_filename?: string;
  sha: string | null;
}): ChangedFile {
  return {
    path: f.filename,
    status: f.status,
    previousPath: f.previous_filename,
    blobSha: f.status === 'removed' ? undefined : (f.sha ?? undefined),
  };
}

export async function listPullRequestFiles(
  state: AdapterState,
  repo: RepoId,
  number: number,
): Promise<ChangedFile[]> {
  try {
    const files = await state.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    return files.map(toChangedFile);
  } catch (error) {
    throw toGitHubError(error, `listing the files of pull request #${number}`);
  }
}

export async function listReviews(state: AdapterState, repo: RepoId, number: number): Promise<Review[]> {
  try {
    const reviews = await state.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    return reviews.map((r) => ({
      id: r.id,
      reviewer: r.user?.login ?? 'ghost',
      reviewerIsBot: r.user?.type === 'Bot',
      state: r.state as Review['state'],
      commitId: r.commit_id ?? '',
      submittedAt: r.submitted_at ?? undefined,
    }));
  } catch (error) {
    throw toGitHubError(error, `listing the reviews of pull request #${number}`);
  }
}

/**
 * Merges only if the head is still `sha` (GitHub answers 409 otherwise). Not retried: a merge
 * that may have happened is checked by the next evaluation, which sees the PR merged.
 */
export async function mergePullRequest(
  state: AdapterState,
  repo: RepoId,
  number: number,
  options: { sha: string; method: 'merge' | 'squash' | 'rebase'; title?: string },
): Promise<MergeOutcome> {
  try {
    const { data } = await state.octokit.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
      ...repo,
      pull_number: number,
      sha: options.sha,
      merge_method: options.method,
      ...(options.title ? { commit_title: options.title } : {}),
      ...NO_RETRY,
    });
    return { merged: true, sha: data.sha };
  } catch (error) {
    const status = statusOf(error);
    const message = (error as Error).message;
    if (status === 409) return { merged: false, reason: 'head-moved', message };
    if (status === 405 || status === 422) return { merged: false, reason: 'not-mergeable', message };
    if (status === 403) return { merged: false, reason: 'forbidden', message };
    throw toGitHubError(error, `merging pull request #${number}`);
  }
}

export async function closePullRequest(state: AdapterState, repo: RepoId, number: number): Promise<void> {
  try {
    await state.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: number,
      state: 'closed',
    });
  } catch (error) {
    throw toGitHubError(error, `closing pull request #${number}`);
  }
}
