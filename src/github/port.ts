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

/** GitHub lists at most this many changed files of one comparison. */
export const COMPARE_FILE_LIMIT = 300;

/** What a pull request's head commit changes against its base branch, read at that exact commit. */
export interface PullComparison {
  /** The changed files, as the pull request's file list shows them (from the merge base). */
  files: ChangedFile[];
  /** Every commit of the comparison, all pages read. */
  commits: PullCommit[];
  /**
   * True when GitHub may have left changed files out: it listed `COMPARE_FILE_LIMIT` of them, its
   * cap. An unlisted file could be a grant or a policy change, so the PR cannot be
   * judged.
   */
  filesIncomplete: boolean;
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

/** An open pull request found by its label, with the body that carries grantops' record. */
export interface LabelledPull {
  number: number;
  body: string;
}

/** A reverting pull request as the lifecycle needs it. */
export interface RevertPull {
  number: number;
  open: boolean;
  /** The branch it would merge into. */
  base: string;
  /** Set by `openRevertPull` when it built the branch itself: the commit it wrote. */
  builtHead?: string;
  body: string;
  headSha: string;
  labels: string[];
}

/** What a scheduled reverting pull request is made of. */
export interface RevertPullInput {
  branch: string;
  /** The grant file the PR deletes. */
  file: string;
  baseBranch: string;
  title: string;
  body: string;
  labels: string[];
}

/**
 * Every GitHub call grantops makes, as domain verbs. Only the Octokit adapter talks to GitHub;
 * handlers and tests use this interface (tests with an in-memory fake or nock behind the adapter).
 */
export interface GitHubPort {
  readRepo(repo: RepoId, ref: string): Promise<RepoSnapshot>;
  getPullRequest(repo: RepoId, number: number): Promise<PullRequest>;
  /** The files of a pull request as GitHub lists them now (for merged PRs, whose head is fixed). */
  listPullRequestFiles(repo: RepoId, number: number): Promise<ChangedFile[]>;
  /**
   * The files and commits of `baseRef...headSha` (three dots: from the merge base), that is, of
   * the pull request at exactly `headSha` even if its branch has moved since.
   */
  compareForPull(repo: RepoId, baseRef: string, headSha: string): Promise<PullComparison>;
  listReviews(repo: RepoId, number: number): Promise<Review[]>;
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

  /** Names of every reverting branch (`grantops/revoke/...`), in one call. */
  listRevertBranches(repo: RepoId): Promise<string[]>;
  /** Open pull requests (and issues) carrying a label, with their bodies. */
  listOpenByLabel(repo: RepoId, label: string): Promise<LabelledPull[]>;
  /** The open (or, with `state: 'all'`, the latest) pull request whose head is `branch`. */
  /**
   * The pull requests from `branch` of this repository into `base`, newest first (at most 10): open
   * ones, or all. Anyone who can read the repository can open one, so their bodies prove nothing
   * until a record's seal is checked.
   */
  listPullsByBranch(
    repo: RepoId,
    branch: string,
    options: { base: string; state: 'open' | 'all' },
  ): Promise<RevertPull[]>;
  /**
   * Creates (or reuses) the branch that deletes `file` from the tip of `baseBranch` and the open
   * pull request from it. Idempotent: an existing branch is moved, an existing PR is returned.
   */
  openRevertPull(repo: RepoId, input: RevertPullInput): Promise<RevertPull>;
  /** Moves a reverting branch to a fresh commit that deletes `file` from the current tip of `baseBranch`. */
  rebuildRevertBranch(
    repo: RepoId,
    input: { branch: string; file: string; baseBranch: string; message: string },
  ): Promise<string>;
  updatePull(repo: RepoId, number: number, fields: { title?: string; body?: string }): Promise<void>;
  addLabels(repo: RepoId, number: number, labels: string[]): Promise<void>;
  removeLabel(repo: RepoId, number: number, label: string): Promise<void>;
  deleteBranch(repo: RepoId, branch: string): Promise<void>;
  /** The commit that last changed `path` on `ref`. */
  lastCommitForPath(repo: RepoId, path: string, ref: string): Promise<string | undefined>;
  /** Pull requests GitHub associates with a commit (the one it was merged by). */
  pullsForCommit(repo: RepoId, sha: string): Promise<PullRequest[]>;
  /** Comments on a commit once (by marker): where a direct push is reported. */
  upsertCommitComment(repo: RepoId, sha: string, marker: string, body: string): Promise<void>;
}
