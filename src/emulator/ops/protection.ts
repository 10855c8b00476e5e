import type { Issue, Repo } from '../state/types.js';
import type { MergeAnalysis } from './mergeability.js';

const PASSING = new Set(['success', 'neutral', 'skipped']);
const PROTECTED_DOCS = 'https://docs.github.com/articles/about-protected-branches';

/** Why branch protection blocks a merge: GitHub's 405 message, or null when it does not. */
export interface ProtectionVerdict {
  message: string | null;
  documentationUrl: string;
}

/** The state of a required check on a commit: success, failing or expected (missing or pending). */
export function requiredCheckState(
  repo: Repo,
  sha: string,
  name: string,
): 'success' | 'failing' | 'expected' {
  const runs = [...repo.checkRuns.values()].filter((r) => r.headSha === sha && r.name === name);
  const run = runs.sort((a, b) => b.id - a.id)[0];
  const status = repo.statuses
    .filter((s) => s.sha === sha && s.context === name)
    .sort((a, b) => b.id - a.id)[0];
  if (run?.status === 'completed' && PASSING.has(run.conclusion ?? '')) return 'success';
  if (status?.state === 'success') return 'success';
  if (run?.status === 'completed' || status?.state === 'failure' || status?.state === 'error')
    return 'failing';
  return 'expected';
}

/** Distinct reviewers whose latest review is an approval (the author's own never counts). */
export function approvalCount(issue: Issue): number {
  const latest = new Map<string, string>();
  for (const review of issue.pull?.reviews ?? []) {
    if (review.state === 'PENDING' || review.state === 'COMMENTED') continue;
    latest.set(review.user.toLowerCase(), review.state);
  }
  latest.delete(issue.user.toLowerCase());
  return [...latest.values()].filter((s) => s === 'APPROVED').length;
}

/**
 * Checks classic branch protection of the base branch for a merge by `actor`: required status
 * checks on the head commit, required approvals, and up-to-date heads when `strict`.
 * Bypass actors pass, as on GitHub.
 */
export function checkProtection(
  repo: Repo,
  issue: Issue,
  analysis: MergeAnalysis,
  actor: string | null,
): ProtectionVerdict {
  const pull = issue.pull;
  const rules = pull ? repo.protections.get(pull.baseRef) : undefined;
  const verdict = (message: string | null): ProtectionVerdict => ({
    message,
    documentationUrl: PROTECTED_DOCS,
  });
  if (!pull || !rules) return verdict(null);
  if (actor && rules.bypassActors.some((b) => b.toLowerCase() === actor.toLowerCase())) return verdict(null);
  const states = rules.requiredStatusChecks.map((name) => ({
    name,
    state: requiredCheckState(repo, pull.headSha, name),
  }));
  const notPassing = states.filter((s) => s.state !== 'success');
  if (notPassing.length === 1) {
    const only = notPassing[0] as { name: string; state: string };
    return verdict(`Required status check "${only.name}" is ${only.state}.`);
  }
  if (notPassing.length > 1) {
    const failing = notPassing.some((s) => s.state === 'failing');
    return verdict(
      `${notPassing.length} of ${states.length} required status checks ${failing ? 'have not succeeded' : 'are expected'}.`,
    );
  }
  const approvals = approvalCount(issue);
  const needed = rules.requiredApprovingReviewCount;
  if (approvals < needed)
    return verdict(
      `At least ${needed} approving review${needed > 1 ? 's are' : ' is'} required by reviewers with write access.`,
    );
  if (rules.strict && analysis.behind)
    return verdict('Head branch is out of date. Review and try the merge again.');
  return verdict(null);
}
