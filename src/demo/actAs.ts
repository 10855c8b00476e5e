import type { Octokit } from '@octokit/rest';

/** What people do on GitHub, through the same REST API: the demo, the sandbox and the tests use these. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** Opens a pull request that writes `files` on a new branch from main, as `octokit`'s user. */
export async function openPullRequest(
  octokit: Octokit,
  repo: RepoRef,
  params: { branch: string; title: string; files: Record<string, string | null>; body?: string },
): Promise<number> {
  const { data: main } = await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' });
  const { data: base } = await octokit.rest.git.getCommit({ ...repo, commit_sha: main.object.sha });
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
    message: params.title,
    tree: tree.data.sha,
    parents: [main.object.sha],
  });
  await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${params.branch}`, sha: commit.sha });
  const { data: pull } = await octokit.rest.pulls.create({
    ...repo,
    head: params.branch,
    base: 'main',
    title: params.title,
    body: params.body ?? '',
  });
  return pull.number;
}

/** Pushes another commit to a pull request's branch. */
export async function pushToBranch(
  octokit: Octokit,
  repo: RepoRef,
  params: { branch: string; message: string; files: Record<string, string | null> },
): Promise<string> {
  const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${params.branch}` });
  const { data: base } = await octokit.rest.git.getCommit({ ...repo, commit_sha: head.object.sha });
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
    parents: [head.object.sha],
  });
  await octokit.rest.git.updateRef({ ...repo, ref: `heads/${params.branch}`, sha: commit.sha });
  return commit.sha;
}

/** Approves (or requests changes on) a pull request's current head. */
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
