import { timestamp, type Core } from '../core.js';
import type { GitSignature } from '../git/objects.js';
import { buildTree, flattenTree } from '../git/trees.js';
import { findUser } from '../state/state.js';
import type { Repo } from '../state/types.js';
import { branchHead } from './refs.js';
import { updateRef } from './updateRef.js';

/** The git signature GitHub writes for an account (noreply email when none is public). */
export function signatureFor(core: Core, login: string): GitSignature {
  const user = findUser(core.state, login);
  return {
    name: user?.name || login,
    email: user?.email || `${user?.id ?? 0}+${login}@users.noreply.github.com`,
    date: timestamp(core),
  };
}

/** A commit of file changes on a branch. */
export interface FileCommit {
  repo: Repo;
  branch: string;
  /** path → new content, or null to delete the file. */
  files: Record<string, string | Buffer | null>;
  message: string;
  /** Login of the author and committer (and pusher). */
  actor: string;
  /** Parent commit; defaults to the branch head (a new branch starts from it). */
  parent?: string;
  /** Write objects and the ref without sending webhooks (seeding). */
  silent?: boolean;
}

/** Writes blobs, trees and a commit for the changes, moves the branch, and returns the commit sha. */
export function commitFiles(core: Core, change: FileCommit): string {
  const { repo } = change;
  const parent = change.parent ?? branchHead(repo, change.branch);
  const parentTree = parent ? repo.git.commit(parent)?.tree : undefined;
  const files = parentTree ? flattenTree(repo.git, parentTree) : new Map();
  for (const [path, content] of Object.entries(change.files)) {
    if (content === null) files.delete(path);
    else files.set(path, { mode: '100644', type: 'blob', sha: repo.git.putBlob(Buffer.from(content)) });
  }
  const signature = signatureFor(core, change.actor);
  const sha = repo.git.putCommit({
    tree: buildTree(repo.git, files),
    parents: parent ? [parent] : [],
    author: signature,
    committer: signature,
    message: change.message,
    authorLogin: change.actor,
    committerLogin: change.actor,
  });
  const ref = `refs/heads/${change.branch}`;
  if (change.silent) repo.refs.set(ref, sha);
  else updateRef(core, { repo, ref, sha, actor: change.actor });
  return sha;
}
