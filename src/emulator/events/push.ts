import { htmlUrl, type Core } from '../core.js';
import { commitsBetween } from '../git/history.js';
import { diffTrees } from '../git/diff.js';
import { flattenTree } from '../git/trees.js';
import { ZERO_SHA } from '../ops/refs.js';
import { findUser } from '../state/state.js';
import type { Repo } from '../state/types.js';
import { emitEvent } from './emit.js';

function pushCommit(core: Core, repo: Repo, sha: string): Record<string, unknown> | null {
  const commit = repo.git.commit(sha);
  if (!commit) return null;
  const parentTree = commit.parents[0] ? repo.git.commit(commit.parents[0])?.tree : undefined;
  const changes = diffTrees(
    parentTree ? flattenTree(repo.git, parentTree) : new Map(),
    flattenTree(repo.git, commit.tree),
  );
  const person = (p: typeof commit.author, login: string | null): Record<string, unknown> => ({
    name: p.name,
    email: p.email,
    ...(login ? { username: login } : {}),
  });
  return {
    id: sha,
    tree_id: commit.tree,
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: htmlUrl(core, `${repo.owner}/${repo.name}/commit/${sha}`),
    author: person(commit.author, commit.authorLogin),
    committer: person(commit.committer, commit.committerLogin),
    added: changes.filter((c) => c.status === 'added' || c.status === 'renamed').map((c) => c.filename),
    removed: changes.filter((c) => c.status === 'removed').map((c) => c.filename),
    modified: changes.filter((c) => c.status === 'modified').map((c) => c.filename),
  };
}

/** Sends `push` for a ref update, with the new commits (at most 20) and the head commit. */
export function emitPush(
  core: Core,
  params: { repo: Repo; ref: string; before: string; after: string; sender: string; forced: boolean },
): void {
  const { repo, ref, before, after } = params;
  const deleted = after === ZERO_SHA;
  const created = before === ZERO_SHA;
  const defaultHead = repo.refs.get(`refs/heads/${repo.defaultBranch}`);
  const from = created ? (defaultHead !== after ? defaultHead : after) : before;
  const shas = deleted ? [] : commitsBetween(repo.git, from, after).slice(-20);
  const pusher = findUser(core.state, params.sender);
  emitEvent(core, {
    event: 'push',
    repo,
    sender: params.sender,
    fields: {
      ref,
      before,
      after,
      created,
      deleted,
      forced: params.forced,
      base_ref: null,
      compare: htmlUrl(
        core,
        `${repo.owner}/${repo.name}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
      ),
      commits: shas.flatMap((sha) => pushCommit(core, repo, sha) ?? []),
      head_commit: deleted ? null : pushCommit(core, repo, after),
      pusher: { name: pusher?.login ?? params.sender, email: pusher?.email ?? null },
    },
  });
}
