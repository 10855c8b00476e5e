import type { Core } from '../core.js';
import { isAncestor, mergeBase } from '../git/history.js';
import { mergeTrees } from '../git/merge.js';
import { buildTree, flattenTree, type FlatTree } from '../git/trees.js';
import type { Repo } from '../state/types.js';
import { signatureFor } from './commitFiles.js';
import { updateRef } from './updateRef.js';

function filesAt(repo: Repo, sha: string | undefined): FlatTree {
  const tree = sha ? repo.git.commit(sha)?.tree : undefined;
  return tree ? flattenTree(repo.git, tree) : new Map();
}

/**
 * Merges a commit into a branch with a merge commit, as `POST /merges` and "Update branch" do:
 * `noop` when the branch already contains it, `conflict` when both sides changed a file.
 */
export function mergeIntoBranch(
  core: Core,
  params: { repo: Repo; branch: string; headSha: string; message: string; actor: string },
): { result: 'merged'; sha: string } | { result: 'noop' } | { result: 'conflict' } {
  const { repo } = params;
  const ref = `refs/heads/${params.branch}`;
  const baseSha = repo.refs.get(ref);
  if (!baseSha) throw new Error(`emulator: no branch ${params.branch}`);
  if (isAncestor(repo.git, params.headSha, baseSha)) return { result: 'noop' };
  const base = mergeBase(repo.git, baseSha, params.headSha);
  const merged = mergeTrees(filesAt(repo, base), filesAt(repo, baseSha), filesAt(repo, params.headSha));
  if (!merged.ok) return { result: 'conflict' };
  const signature = signatureFor(core, params.actor);
  const sha = repo.git.putCommit({
    tree: buildTree(repo.git, merged.files),
    parents: [baseSha, params.headSha],
    author: signature,
    committer: signature,
    message: params.message,
    authorLogin: params.actor,
    committerLogin: params.actor,
  });
  updateRef(core, { repo, ref, sha, actor: params.actor });
  return { result: 'merged', sha };
}
