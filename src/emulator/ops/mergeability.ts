import { mergeBase } from '../git/history.js';
import { mergeTrees, type TreeMerge } from '../git/merge.js';
import { flattenTree, type FlatTree } from '../git/trees.js';
import type { Pull, Repo } from '../state/types.js';
import { branchHead } from './refs.js';

/** How a pull request's head merges into its base right now. */
export interface MergeAnalysis {
  baseSha: string;
  mergeBaseSha: string | undefined;
  merge: TreeMerge;
  /** Head does not contain the current base (GitHub's "behind"). */
  behind: boolean;
}

function filesAt(repo: Repo, commitSha: string | undefined): FlatTree {
  const tree = commitSha ? repo.git.commit(commitSha)?.tree : undefined;
  return tree ? flattenTree(repo.git, tree) : new Map();
}

/** Three-way merges the pull request's head into its base branch as it stands. */
export function analyzeMerge(repo: Repo, pull: Pull): MergeAnalysis {
  const baseSha = branchHead(repo, pull.baseRef) ?? pull.headSha;
  const base = mergeBase(repo.git, baseSha, pull.headSha);
  const merge = mergeTrees(filesAt(repo, base), filesAt(repo, baseSha), filesAt(repo, pull.headSha));
  return { baseSha, mergeBaseSha: base, merge, behind: base !== baseSha };
}
