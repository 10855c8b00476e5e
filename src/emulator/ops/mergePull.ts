import { timestamp, type Core } from '../core.js';
import { emitPullRequest } from '../events/pullRequest.js';
import { commitsBetween } from '../git/history.js';
import { buildTree, flattenTree, type FlatTree } from '../git/trees.js';
import { mergeTrees } from '../git/merge.js';
import type { GitSignature } from '../git/objects.js';
import { conflict, notAllowed } from '../http.js';
import type { Repo } from '../state/types.js';
import { signatureFor } from './commitFiles.js';
import type { PullIssue } from './findPull.js';
import { analyzeMerge } from './mergeability.js';
import { checkProtection } from './protection.js';
import { closePull, updateRef } from './updateRef.js';

/** A merge request through the API. */
export interface MergeParams {
  actor: string;
  method: 'merge' | 'squash' | 'rebase';
  sha?: string;
  title?: string;
  message?: string;
}

const NOT_ALLOWED: Record<MergeParams['method'], string> = {
  merge: 'Merge commits are not allowed on this repository.',
  squash: 'Squash merges are not allowed on this repository.',
  rebase: 'Rebase merges are not allowed on this repository.',
};

/** GitHub commits web merges as itself (`web-flow`). */
function webFlow(core: Core): GitSignature {
  return { name: 'GitHub', email: 'noreply@github.com', date: timestamp(core) };
}

function filesAt(repo: Repo, sha: string | undefined): FlatTree {
  const tree = sha ? repo.git.commit(sha)?.tree : undefined;
  return tree ? flattenTree(repo.git, tree) : new Map();
}

function rebase(core: Core, repo: Repo, issue: PullIssue, baseSha: string): string {
  let head = baseSha;
  for (const sha of commitsBetween(repo.git, baseSha, issue.pull.headSha)) {
    const commit = repo.git.commit(sha);
    if (!commit || commit.parents.length > 1) continue;
    const merged = mergeTrees(filesAt(repo, commit.parents[0]), filesAt(repo, head), filesAt(repo, sha));
    if (!merged.ok) throw notAllowed("This branch can't be rebased");
    head = repo.git.putCommit({
      ...commit,
      tree: buildTree(repo.git, merged.files),
      parents: [head],
      committer: webFlow(core),
      committerLogin: 'web-flow',
    });
  }
  return head;
}

/**
 * `PUT /pulls/{n}/merge`: checks what GitHub checks (open, head sha, allowed method, conflicts,
 * branch protection unless the actor bypasses it), writes the merge, squash or rebased commits,
 * moves the base branch, and closes the pull request as merged.
 */
export function mergePull(core: Core, repo: Repo, issue: PullIssue, params: MergeParams): string {
  const { pull } = issue;
  if (issue.state !== 'open') throw notAllowed('Pull Request is not mergeable');
  if (params.sha !== undefined && params.sha !== pull.headSha)
    throw conflict('Head branch was modified. Review and try the merge again.');
  const allowed = {
    merge: repo.settings.allowMergeCommit,
    squash: repo.settings.allowSquashMerge,
    rebase: repo.settings.allowRebaseMerge,
  };
  if (!allowed[params.method]) throw notAllowed(NOT_ALLOWED[params.method]);
  if (pull.draft) throw notAllowed('Pull Request is still a draft');
  const analysis = analyzeMerge(repo, pull);
  if (!analysis.merge.ok) throw notAllowed('Pull Request is not mergeable');
  const verdict = checkProtection(repo, issue, analysis, params.actor);
  if (verdict.message) throw notAllowed(verdict.message, verdict.documentationUrl);
  const author = signatureFor(core, params.actor);
  const tree = buildTree(repo.git, analysis.merge.files);
  let sha: string;
  if (params.method === 'rebase') sha = rebase(core, repo, issue, analysis.baseSha);
  else {
    const squash = params.method === 'squash';
    const title =
      params.title ??
      (squash
        ? `${issue.title} (#${issue.number})`
        : `Merge pull request #${issue.number} from ${repo.owner}/${pull.headRef}`);
    const body =
      params.message ??
      (squash
        ? commitsBetween(repo.git, analysis.baseSha, pull.headSha)
            .map((s) => `* ${repo.git.commit(s)?.message ?? ''}`)
            .join('\n\n')
        : issue.title);
    sha = repo.git.putCommit({
      tree,
      parents: squash ? [analysis.baseSha] : [analysis.baseSha, pull.headSha],
      author,
      committer: webFlow(core),
      message: body ? `${title}\n\n${body}` : title,
      authorLogin: params.actor,
      committerLogin: 'web-flow',
    });
  }
  closePull(core, repo, issue, { actor: params.actor, mergedSha: sha });
  pull.closedBaseSha = analysis.baseSha;
  updateRef(core, { repo, ref: `refs/heads/${pull.baseRef}`, sha, actor: params.actor });
  emitPullRequest(core, { repo, issue, action: 'closed', sender: params.actor });
  if (repo.settings.deleteBranchOnMerge && repo.refs.has(`refs/heads/${pull.headRef}`))
    updateRef(core, { repo, ref: `refs/heads/${pull.headRef}`, sha: null, actor: params.actor });
  return sha;
}
