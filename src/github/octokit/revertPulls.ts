import type { RepoId, RevertPull, RevertPullInput } from '../port.js';
import { GitHubError, statusOf, toGitHubError } from '../githubError.js';
import { NO_RETRY, type AdapterState } from './state.js';

interface RawPull {
  number: number;
  state: string;
  body: string | null;
  head: { sha: string };
  base: { ref: string };
  labels: { name?: string }[];
}

const toRevertPull = (raw: RawPull): RevertPull => ({
  number: raw.number,
  open: raw.state === 'open',
  base: raw.base.ref,
  body: raw.body ?? '',
  headSha: raw.head.sha,
  labels: raw.labels.map((l) => l.name ?? '').filter(Boolean),
});

/** Every reverting branch, from one `matching-refs` call (GitHub returns all matches at once). */
export async function listRevertBranches(state: AdapterState, repo: RepoId): Promise<string[]> {
  try {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      ...repo,
      ref: 'heads/grantops/revoke/',
    });
    return data.map((r) => r.ref.replace(/^refs\/heads\//, ''));
  } catch (error) {
    throw toGitHubError(error, `listing reverting branches of ${repo.owner}/${repo.repo}`);
  }
}

export async function listPullsByBranch(
  state: AdapterState,
  repo: RepoId,
  branch: string,
  options: { base: string; state: 'open' | 'all' },
): Promise<RevertPull[]> {
  try {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/pulls', {
      ...repo,
      head: `${repo.owner}:${branch}`,
      base: options.base,
      state: options.state,
      sort: 'created',
      direction: 'desc',
      per_page: 10,
    });
    return (data as RawPull[]).filter((p) => p.base.ref === options.base).map(toRevertPull);
  } catch (error) {
    throw toGitHubError(error, `finding the pull requests of ${branch}`);
  }
}

/** Writes a commit that deletes `file` from the tip of `baseBranch` (tree with the path removed). */
async function deletionCommit(
  state: AdapterState,
  repo: RepoId,
  file: string,
  baseBranch: string,
  message: string,
): Promise<string> {
  const { data: ref } = await state.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
    ...repo,
    ref: `heads/${baseBranch}`,
  });
  const { data: base } = await state.octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
    ...repo,
    commit_sha: ref.object.sha,
  });
  const { data: tree } = await state.octokit.request('POST /repos/{owner}/{repo}/git/trees', {
    ...repo,
    base_tree: base.tree.sha,
    tree: [{ path: file, mode: '100644', type: 'blob', sha: null }],
  });
  const { data: commit } = await state.octokit.request('POST /repos/{owner}/{repo}/git/commits', {
    ...repo,
    message,
    tree: tree.sha,
    parents: [ref.object.sha],
  });
  return commit.sha;
}

/** Points `branch` at `sha`, creating it or moving it (force) as needed. */
async function setBranch(state: AdapterState, repo: RepoId, branch: string, sha: string): Promise<void> {
  try {
    await state.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      ...repo,
      ref: `refs/heads/${branch}`,
      sha,
      ...NO_RETRY,
    });
  } catch (error) {
    if (statusOf(error) !== 422) throw error; // 422 "Reference already exists": move it instead
    await state.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...repo,
      ref: `heads/${branch}`,
      sha,
      force: true,
    });
  }
}

export async function rebuildRevertBranch(
  state: AdapterState,
  repo: RepoId,
  input: { branch: string; file: string; baseBranch: string; message: string },
): Promise<string> {
  try {
    const sha = await deletionCommit(state, repo, input.file, input.baseBranch, input.message);
    await setBranch(state, repo, input.branch, sha);
    return sha;
  } catch (error) {
    throw toGitHubError(error, `rebuilding ${input.branch}`);
  }
}

/**
 * Opens the scheduled reverting PR: reuses an open PR of the branch if there is one (a redelivered
 * event, a second replica), else writes the deletion commit and opens the PR. Labels come last.
 */
export async function openRevertPull(
  state: AdapterState,
  repo: RepoId,
  input: RevertPullInput,
): Promise<RevertPull> {
  const open = { base: input.baseBranch, state: 'open' as const };
  const [existing] = await listPullsByBranch(state, repo, input.branch, open);
  if (existing) return existing;
  try {
    const builtHead = await rebuildRevertBranch(state, repo, {
      branch: input.branch,
      file: input.file,
      baseBranch: input.baseBranch,
      message: input.title,
    });
    let pull: RevertPull;
    try {
      const { data } = await state.octokit.request('POST /repos/{owner}/{repo}/pulls', {
        ...repo,
        head: input.branch,
        base: input.baseBranch,
        title: input.title,
        body: input.body,
        ...NO_RETRY,
      });
      pull = toRevertPull(data as RawPull);
    } catch (error) {
      const [again] = await listPullsByBranch(state, repo, input.branch, open); // created by a concurrent replica, or the answer was lost
      if (!again) throw error;
      pull = again;
    }
    pull = { ...pull, builtHead };
    if (input.labels.length > 0) {
      await state.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...repo,
        issue_number: pull.number,
        labels: input.labels,
      });
      pull = { ...pull, labels: [...new Set([...pull.labels, ...input.labels])] };
    }
    return pull;
  } catch (error) {
    if (error instanceof GitHubError) throw error;
    throw toGitHubError(error, `opening the reverting pull request for ${input.file}`);
  }
}

export async function deleteBranch(state: AdapterState, repo: RepoId, branch: string): Promise<void> {
  try {
    await state.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
      ...repo,
      ref: `heads/${branch}`,
    });
  } catch (error) {
    if (statusOf(error) === 422 || statusOf(error) === 404) return; // already gone
    throw toGitHubError(error, `deleting branch ${branch}`);
  }
}
