import type { Logger } from 'pino';
import type { SchemaValidator } from '../config/schemaValidator.js';
import {
  classifyChanges,
  evaluateRequest,
  refuseIncompleteChanges,
  teamsToResolve,
  type RequestEvaluation,
} from '../core/request/index.js';
import {
  COMPARE_FILE_LIMIT,
  type GitHubPort,
  type PullCommit,
  type PullRequest,
  type RepoId,
} from '../github/port.js';
import { EMPTY_REPO, loadSnapshot } from './loadSnapshot.js';
import { publishCheckRun } from './publishCheckRun.js';
import { resolveMembership } from './resolveMembership.js';
import { actOnEvaluation } from './actOnEvaluation.js';
import { CHECK_NAME } from './checkRunIdentity.js';
import { LABELS } from '../core/lifecycle/index.js';

/** What one evaluation needs from the event and the App. */
export interface EvaluationContext {
  port: GitHubPort;
  repo: RepoId;
  defaultBranch: string;
  pr: PullRequest;
  /** Who pushed the head commit, when the event says so (opened, synchronize). */
  pushedBy: string | undefined;
  now: number;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  validator: SchemaValidator;
}

/**
 * Judges an open pull request and shows the result: reads what the kind of change needs (in
 * parallel), evaluates it purely, publishes the one check run of its head commit, then merges an
 * approved request or closes a stale one.
 */
export async function evaluatePullRequest(
  context: EvaluationContext,
): Promise<RequestEvaluation | undefined> {
  const { port, repo, pr, log } = context;
  if (pr.state !== 'open') return undefined;
  // Files and commits at exactly the event's head: the PR's live lists may already show a newer
  // head, and a check run judged on those would vouch for a commit nobody looked at.
  const compared = await port.compareForPull(repo, pr.baseRef, pr.headSha);
  const changes = compared.files;
  const classified = classifyChanges(changes);
  const incomplete = pr.baseRef === context.defaultBranch && compared.filesIncomplete;
  const judged =
    pr.baseRef === context.defaultBranch &&
    !incomplete &&
    (classified.kind === 'request' || classified.kind === 'maintenance' || classified.kind === 'give-back');
  const request = judged && classified.kind !== 'maintenance'; // removals are approved by reviews too
  const [base, head, reviews, existing] = await Promise.all([
    judged ? loadSnapshot(port, repo, context.defaultBranch, context.validator) : EMPTY_REPO,
    judged && classified.kind !== 'give-back'
      ? loadSnapshot(port, repo, pr.headSha, context.validator)
      : EMPTY_REPO,
    request ? port.listReviews(repo, pr.number) : [],
    port.findCheckRun(repo, pr.headSha, CHECK_NAME),
  ]);
  const teams = judged
    ? teamsToResolve({ base, head, requested: classified.requested, removed: classified.removed })
    : [];
  const { membership, unreadable } = await resolveMembership(port, teams);
  const { publish, pusher } = publishCheckRun({ port, repo, existing, pushedBy: context.pushedBy });
  const evaluation = incomplete
    ? refuseIncompleteChanges({ headSha: pr.headSha, listed: changes, limit: COMPARE_FILE_LIMIT })
    : evaluateRequest({
        pr: { author: pr.author, headSha: pr.headSha, baseRef: pr.baseRef },
        defaultBranch: context.defaultBranch,
        changes,
        base,
        head,
        reviews,
        commitAuthors: commitAuthorsOf(compared.commits),
        pusher,
        membership,
        now: context.now,
      });
  const notes = unreadable.map(
    (team) =>
      `team ${team} could not be read by the App (missing, or the App lacks Members: read); its members count as none`,
  );
  await publish(evaluation, notes);
  log.info(
    {
      pr: pr.number,
      sha: pr.headSha,
      kind: evaluation.kind,
      conclusion: evaluation.conclusion,
      grants: evaluation.grants.length,
    },
    `evaluated #${pr.number}: ${evaluation.title}`,
  );
  if (evaluation.kind === 'request' && !pr.labels.includes(LABELS.request)) {
    await port.addLabels(repo, pr.number, [LABELS.request]); // lets a sweep find open requests in one listing
  }
  await actOnEvaluation({ ...context, evaluation, policy: base.policy?.data });
  return evaluation;
}

/** Authors and committers of the PR's commits (GitHub's `web-flow` committer of web edits left out). */
function commitAuthorsOf(commits: readonly PullCommit[]): string[] {
  return [
    ...new Set(
      commits
        .flatMap((c) => [c.author, c.committer])
        .filter((l): l is string => l !== undefined && l !== 'web-flow'),
    ),
  ];
}
