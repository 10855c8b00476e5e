import type { DeploymentRecord } from '../listDeployments.js';
import type { RepoId, RepoSnapshot } from '../port.js';
import type { DeploymentStatusRecord } from './listDeploymentStatuses.js';
import type { RecordPull } from './listRecordPulls.js';

/** A workflow run of a repository, the unit GitHub's protection-rule callback answers for. */
export interface RunRef {
  repo: RepoId;
  runId: number;
}

/** A workflow run waiting on an environment's protection rules. */
export interface WaitingRun {
  id: number;
  headSha: string;
  /** Who started the run. */
  actor: string | undefined;
  /** Who started this attempt (differs from `actor` on a re-run). */
  triggeringActor: string | undefined;
  /** When this attempt started (epoch ms): deployments of the run are created after it. */
  startedAt: number;
}

/** One entry of a run's review history (`GET /actions/runs/{run_id}/approvals`). */
export interface RunReview {
  state: 'approved' | 'rejected' | 'pending';
  comment: string;
  environments: string[];
}

/** What an approve or reject call found: GitHub took it, or the rule had been answered before. */
export type AnswerOutcome = 'answered' | 'already-answered';

/** What a status report call found: GitHub took it, or the rule no longer waits for an answer. */
export type ReportOutcome = 'reported' | 'not-pending';

/**
 * The GitHub calls of the deployment protection rule, as domain verbs. Handlers and the sweep use
 * this; only the Octokit adapter (createOctokitProtectionPort) talks to GitHub. Failures are
 * GitHubErrors naming the call and the fix.
 */
export interface ProtectionPort {
  /** The grants repository's files of interest on its default branch, in one call. */
  readDefaultBranch(repo: RepoId): Promise<RepoSnapshot>;
  /** Deployments to `environment` newer than `since`, reading no further than `enough` needs. */
  listRecentDeployments(params: {
    repo: RepoId;
    environment: string;
    since: number;
    enough: number;
  }): Promise<DeploymentRecord[]>;
  /** The statuses of one deployment, newest first (when a held deployment was released). */
  listDeploymentStatuses(repo: RepoId, deploymentId: number): Promise<DeploymentStatusRecord[]>;
  /** Pull requests from a branch of the grants repository into its default branch, newest first (grant records). */
  listRecordPulls(repo: RepoId, branch: string): Promise<RecordPull[]>;
  /** Approves or rejects this App's rule for one environment of a run (the callback). */
  answerProtectionRule(params: {
    run: RunRef;
    environment: string;
    state: 'approved' | 'rejected';
    comment: string;
  }): Promise<AnswerOutcome>;
  /** Posts a status report (a comment, no decision) on this App's pending rule. */
  postStatusReport(params: { run: RunRef; environment: string; comment: string }): Promise<ReportOutcome>;
  /** Runs of the repository waiting on protection rules, newest first, at most `limit`. */
  listWaitingRuns(repo: RepoId, limit: number): Promise<WaitingRun[]>;
  /** Names of the environments a run waits on. */
  listPendingEnvironments(run: RunRef): Promise<string[]>;
  /** Ids of the Apps whose custom protection rule guards an environment. */
  listProtectionRuleApps(repo: RepoId, environment: string): Promise<number[]>;
  /** The review history of a run, including status reports. */
  listRunReviews(run: RunRef): Promise<RunReview[]>;
}
