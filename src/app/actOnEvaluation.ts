import type { RequestEvaluation } from '../core/request/index.js';
import type { Policy } from '../core/types.js';
import type { EvaluationContext } from './evaluatePullRequest.js';

export const STALE_MARKER = '<!-- grantops:stale-request -->';
export const MERGE_REFUSED_MARKER = '<!-- grantops:merge-refused -->';

/**
 * Does what an evaluation allows: merges an approved request (if policy lets the App merge, and
 * only at the evaluated head commit), or closes a request whose grants all expired unapproved.
 * Policy and maintenance PRs are never merged by the App.
 */
export async function actOnEvaluation(
  context: EvaluationContext & { evaluation: RequestEvaluation; policy: Policy | undefined },
): Promise<void> {
  const { port, repo, pr, evaluation, log } = context;
  if (evaluation.stale) {
    await port.upsertComment(
      repo,
      pr.number,
      STALE_MARKER,
      'Every grant in this request expired before it was approved, so grantops closed it. Open a new request if the access is still needed.',
    );
    await port.closePullRequest(repo, pr.number);
    log.info({ pr: pr.number }, `closed stale request #${pr.number}`);
    return;
  }
  const merge = context.policy?.settings?.merge;
  if (!evaluation.mergeable || evaluation.kind !== 'request' || merge?.enabled === false || pr.draft) return;
  const outcome = await port.mergePullRequest(repo, pr.number, {
    sha: evaluation.headSha,
    method: merge?.method ?? 'squash',
    title: `${pr.title} (#${pr.number})`,
  });
  if (outcome.merged) {
    log.info({ pr: pr.number, sha: outcome.sha }, `merged approved request #${pr.number}`);
  } else if (outcome.reason === 'head-moved') {
    log.info(
      { pr: pr.number },
      `#${pr.number} changed while it was judged; the new head is judged on its own event`,
    );
  } else if ((await port.getPullRequest(repo, pr.number)).state === 'closed') {
    // A stale or redelivered event: the request was merged (or closed) meanwhile. Nothing to do.
    log.info({ pr: pr.number }, `#${pr.number} is already closed; nothing to merge`);
  } else {
    log.warn(
      { pr: pr.number, reason: outcome.reason, message: outcome.message },
      `GitHub refused to merge #${pr.number}`,
    );
    await port.upsertComment(
      repo,
      pr.number,
      MERGE_REFUSED_MARKER,
      `This request is approved, but GitHub refused to merge it: ${outcome.message}\n\nA maintainer can merge it, or fix the branch protection (grantops needs to be allowed to merge).`,
    );
  }
}
