import type { RepoFiles } from '../config/loadGrantsRepo.js';
import type { Problem } from '../core/problem.js';

/** A repository on GitHub. */
export interface RepoId {
  owner: string;
  repo: string;
}

/** A repository's files of interest at one commit, read in O(1) API calls. */
export interface RepoSnapshot {
  sha: string | undefined;
  files: RepoFiles;
  /** Links and oversized files found while reading. */
  problems: Problem[];
}

export interface PullRequest {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  title: string;
  body: string;
  author: string;
  createdAt: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  baseSha: string;
  mergeCommitSha: string | undefined;
  labels: string[];
}

export interface ChangedFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath: string | undefined;
  /** Blob SHA of the file at the head (undefined for a removal). */
  blobSha: string | undefined;
}

export interface Review {
  id: number;
  reviewer: string;
  reviewerIsBot: boolean;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string;
  submittedAt: string | undefined;
}

export interface PullCommit {
  sha: string;
  author: string | undefined;
  committer: string | undefined;
}

export interface CheckRunRef {
  id: number;
  headSha: string;
  externalId: string | undefined;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | undefined;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunInput {
  name: string;
  headSha: string;
  externalId?: string;
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'neutral' | 'action_required' | 'cancelled' | 'skipped';
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
}

export type MergeOutcome =
  | { merged: true; sha: string }
  | { merged: false; reason: 'head-moved' | 'not-mergeable' | 'forbidden'; message: string };

/**
 * Every GitHub call grantops makes, as domain verbs. Only the Octokit adapter talks to GitHub;
 * handlers and tests use this interface (tests with an in-memory fake or nock behind the adapter).
 */
export interface GitHubPort {
  readRepo(repo: RepoId, ref: string): Promise<RepoSnapshot>;
  getPullRequest(repo: RepoId, number: number): Promise<PullRequest>;
  listPullRequestFiles(repo: RepoId, number: number): Promise<ChangedFile[]>;
  listReviews(repo: RepoId, number: number): Promise<Review[]>;
  listPullRequestCommits(repo: RepoId, number: number): Promise<PullCommit[]>;
  /** Logins of a team's members, or undefined when the team does not exist. */
  listTeamMembers(org: string, teamSlug: string): Promise<string[] | undefined>;
  findCheckRun(repo: RepoId, headSha: string, name: string): Promise<CheckRunRef | undefined>;
  createCheckRun(repo: RepoId, input: CheckRunInput): Promise<CheckRunRef>;
  updateCheckRun(repo: RepoId, id: number, input: CheckRunInput): Promise<void>;
  mergePullRequest(
    repo: RepoId,
    number: number,
    options: { sha: string; method: 'merge' | 'squash' | 'rebase'; title?: string },
  ): Promise<MergeOutcome>;
  closePullRequest(repo: RepoId, number: number): Promise<void>;
  /** Creates or updates the one comment on an issue or PR that carries `marker`. */
  upsertComment(repo: RepoId, issueNumber: number, marker: string, body: string): Promise<void>;
}
