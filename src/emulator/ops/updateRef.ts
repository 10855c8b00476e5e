import { timestamp, type Core } from '../core.js';
import { emitPullRequest } from '../events/pullRequest.js';
import { emitPush } from '../events/push.js';
import { isAncestor } from '../git/history.js';
import type { Issue, Repo } from '../state/types.js';
import { ZERO_SHA } from './refs.js';

/** A ref update: `sha: null` deletes the ref. */
export interface RefUpdate {
  repo: Repo;
  /** Full ref name, e.g. `refs/heads/main`. */
  ref: string;
  sha: string | null;
  /** Login of whoever pushed. */
  actor: string;
  forced?: boolean;
}

function openPulls(repo: Repo): Issue[] {
  return [...repo.issues.values()].filter((i) => i.pull && i.state === 'open');
}

/** Closes a pull request as GitHub does when its branch goes away or it lands by push. */
export function closePull(
  core: Core,
  repo: Repo,
  issue: Issue,
  params: { actor: string; mergedSha?: string },
): void {
  const pull = issue.pull;
  if (!pull) return;
  const now = timestamp(core);
  pull.closedBaseSha = repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.closedBaseSha;
  issue.state = 'closed';
  issue.closedAt = now;
  issue.updatedAt = now;
  issue.closedBy = params.actor;
  if (params.mergedSha) {
    pull.merged = true;
    pull.mergedAt = now;
    pull.mergedBy = params.actor;
    pull.mergeCommitSha = params.mergedSha;
  }
}

/**
 * Moves (or deletes) a ref and does what GitHub does next: a `push` event; open pull requests
 * whose head is that branch get the new head (`synchronize`) or close when it is deleted; open pull
 * requests whose head commits are now in their base branch become merged.
 */
export function updateRef(core: Core, update: RefUpdate): void {
  const { repo, ref, sha, actor } = update;
  const before = repo.refs.get(ref) ?? ZERO_SHA;
  if (sha === null) repo.refs.delete(ref);
  else repo.refs.set(ref, sha);
  repo.pushedAt = timestamp(core);
  emitPush(core, {
    repo,
    ref,
    before,
    after: sha ?? ZERO_SHA,
    sender: actor,
    forced: update.forced ?? false,
  });
  if (!ref.startsWith('refs/heads/')) return;
  const branch = ref.slice('refs/heads/'.length);
  for (const issue of openPulls(repo)) {
    const pull = issue.pull;
    if (!pull) continue;
    if (pull.headRef === branch && sha !== null && pull.headSha !== sha) {
      const previous = pull.headSha;
      pull.headSha = sha;
      issue.updatedAt = timestamp(core);
      emitPullRequest(core, {
        repo,
        issue,
        action: 'synchronize',
        sender: actor,
        extra: { before: previous, after: sha },
      });
    } else if ((pull.headRef === branch || pull.baseRef === branch) && sha === null) {
      closePull(core, repo, issue, { actor });
      emitPullRequest(core, { repo, issue, action: 'closed', sender: actor });
    } else if (pull.baseRef === branch && sha !== null && isAncestor(repo.git, pull.headSha, sha)) {
      closePull(core, repo, issue, { actor, mergedSha: sha });
      emitPullRequest(core, { repo, issue, action: 'closed', sender: actor });
    }
  }
}
