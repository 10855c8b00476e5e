import { diffTrees, patchBetween, type FileChange } from '../git/diff.js';
import { mergeBase } from '../git/history.js';
import { flattenTree, type FlatTree } from '../git/trees.js';
import type { Pull, Repo } from '../state/types.js';
import { branchHead } from './refs.js';

/** A changed file of a pull request or comparison, with line counts and a patch for text files. */
export interface ChangedFile extends FileChange {
  additions: number;
  deletions: number;
  changes: number;
  patch: string | undefined;
}

/** The base commit a pull request is compared with: the base head now, or when it was closed. */
export function pullBaseSha(repo: Repo, pull: Pull): string {
  return pull.closedBaseSha ?? branchHead(repo, pull.baseRef) ?? pull.headSha;
}

function filesAt(repo: Repo, sha: string | undefined): FlatTree {
  const tree = sha ? repo.git.commit(sha)?.tree : undefined;
  return tree ? flattenTree(repo.git, tree) : new Map();
}

function text(repo: Repo, sha: string | undefined): string | undefined {
  if (!sha) return '';
  const content = repo.git.blob(sha)?.content;
  if (!content || content.includes(0)) return undefined;
  return content.toString('utf8');
}

/** Files changed between two commits, with stats, as the compare and pull files APIs list them. */
export function changedFiles(repo: Repo, fromSha: string | undefined, toSha: string): ChangedFile[] {
  return diffTrees(filesAt(repo, fromSha), filesAt(repo, toSha)).map((change) => {
    const before = text(repo, change.status === 'added' ? undefined : change.previousSha);
    const after = text(repo, change.status === 'removed' ? undefined : change.sha);
    const diff = before !== undefined && after !== undefined ? patchBetween(before, after) : undefined;
    const additions = diff?.additions ?? 0;
    const deletions = diff?.deletions ?? 0;
    return {
      ...change,
      additions,
      deletions,
      changes: additions + deletions,
      patch: diff?.patch || undefined,
    };
  });
}

/** Files a pull request changes: its head against the merge base with its base branch (three-dot diff). */
export function pullFileChanges(repo: Repo, pull: Pull): ChangedFile[] {
  const base = mergeBase(repo.git, pullBaseSha(repo, pull), pull.headSha);
  return changedFiles(repo, base, pull.headSha);
}
