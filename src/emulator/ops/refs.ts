import type { Repo } from '../state/types.js';

/** The all-zero sha GitHub puts in `before`/`after` of created and deleted refs. */
export const ZERO_SHA = '0000000000000000000000000000000000000000';

/**
 * Resolves a commit-ish the way the REST API does: a full or abbreviated sha, a full ref
 * (`refs/heads/x`), a short ref (`heads/x`, `tags/v1`) or a branch or tag name.
 */
export function resolveRef(repo: Repo, ref: string): string | undefined {
  if (/^[0-9a-f]{40}$/.test(ref)) return repo.git.commit(ref) ? ref : undefined;
  if (ref === 'HEAD') return repo.refs.get(`refs/heads/${repo.defaultBranch}`);
  const candidates = ref.startsWith('refs/')
    ? [ref]
    : [`refs/${ref}`, `refs/heads/${ref}`, `refs/tags/${ref}`];
  for (const full of candidates) {
    const sha = repo.refs.get(full);
    if (sha) return sha;
  }
  if (/^[0-9a-f]{7,39}$/.test(ref)) {
    const matches = repo.git.commitsByPrefix(ref);
    if (matches.length === 1) return matches[0];
  }
  return undefined;
}

/** The head commit of a branch, if the branch exists. */
export function branchHead(repo: Repo, branch: string): string | undefined {
  return repo.refs.get(`refs/heads/${branch}`);
}

/** A branch name from a full or short ref (`refs/heads/x`, `heads/x`) or the name itself. */
export function branchName(ref: string): string {
  return ref.replace(/^refs\//, '').replace(/^heads\//, '');
}

/** The tree of a commit-ish, if it resolves. */
export function treeOf(repo: Repo, ref: string): string | undefined {
  const sha = resolveRef(repo, ref);
  return sha ? repo.git.commit(sha)?.tree : undefined;
}
