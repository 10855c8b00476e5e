import type { Octokit } from '@octokit/rest';

/** A repository, by owner and name. */
export interface RepoRef {
  owner: string;
  repo: string;
}

type Files = Record<string, string | null>;

async function commitFiles(
  octokit: Octokit,
  repo: RepoRef,
  params: { parent: string; message: string; files: Files },
): Promise<string> {
  const { data: base } = await octokit.rest.git.getCommit({ ...repo, commit_sha: params.parent });
  const tree = await octokit.rest.git.createTree({
    ...repo,
    base_tree: base.tree.sha,
    tree: Object.entries(params.files).map(([path, content]) =>
      content === null
        ? { path, mode: '100644' as const, type: 'blob' as const, sha: null }
        : { path, mode: '100644' as const, type: 'blob' as const, content },
    ),
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...repo,
    message: params.message,
    tree: tree.data.sha,
    parents: [params.parent],
  });
  return commit.sha;
}

/**
 * Opens a pull request that writes `files` (null deletes) on a new branch from `base`, through the
 * REST API as the token's user: what `grantops request --open-pr`, the demo and the tests do.
 */
export async function openPullRequest(
  octokit: Octokit,
  repo: RepoRef,
  params: { branch: string; title: string; files: Files; body?: string; base?: string },
): Promise<number> {
  const base = params.base ?? 'main';
  const { data: tip } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${base}` });
  const sha = await commitFiles(octokit, repo, {
    parent: tip.object.sha,
    message: params.title,
    files: params.files,
  });
  await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${params.branch}`, sha });
  const { data: pull } = await octokit.rest.pulls.create({
    ...repo,
    head: params.branch,
    base,
    title: params.title,
    body: params.body ?? '',
  });
  return pull.number;
}

/** Pushes another commit to a branch. */
export async function pushToBranch(
  octokit: Octokit,
  repo: RepoRef,
  params: { branch: string; message: string; files: Files },
): Promise<string> {
  const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${params.branch}` });
  const sha = await commitFiles(octokit, repo, {
    parent: head.object.sha,
    message: params.message,
    files: params.files,
  });
  await octokit.rest.git.updateRef({ ...repo, ref: `heads/${params.branch}`, sha });
  return sha;
}

/** Approves (or requests changes on, or comments on) a pull request's current head. */
export async function review(
  octokit: Octokit,
  repo: RepoRef,
  number: number,
  event: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT' = 'APPROVE',
): Promise<void> {
  await octokit.rest.pulls.createReview({
    ...repo,
    pull_number: number,
    event,
    body: event === 'APPROVE' ? 'LGTM' : 'see comments',
  });
}
