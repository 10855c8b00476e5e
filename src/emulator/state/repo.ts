/** A repository and everything stored per repository. */
import type { GitStore } from '../git/objects.js';
import type { RepoPermission } from './accounts.js';
import type { Issue, IssueComment, Label } from './issues.js';

export interface RepoInvitation {
  id: number;
  invitee: string;
  inviter: string;
  permission: RepoPermission;
  createdAt: string;
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
  raw_details?: string;
}

export interface CheckRun {
  id: number;
  appId: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Annotation[] };
  detailsUrl: string | null;
  externalId: string | null;
  actions: unknown[];
  checkSuiteId: number;
}

export interface CommitStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

/** Classic branch protection, reduced to the rules that decide merges and pushes. */
export interface BranchProtection {
  /** Check run names or status contexts that must be `success` on the PR head. */
  requiredStatusChecks: string[];
  /** Head must contain the base branch (GitHub's "require branches to be up to date"). */
  strict: boolean;
  /** Approving reviews needed (0: none). */
  requiredApprovingReviewCount: number;
  /** Changes must come through a pull request: direct ref updates are refused. */
  requirePullRequest: boolean;
  /** Logins (users or `slug[bot]`) allowed to bypass these rules. */
  bypassActors: string[];
}

export interface Environment {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Apps whose custom deployment protection rule guards this environment. */
  protectionAppIds: number[];
}

export interface DeploymentStatus {
  id: number;
  state: string;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  creator: string;
  createdAt: string;
}

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  creator: string;
  transient: boolean;
  production: boolean;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatus[];
}

/** One call to the protection-rule callback, kept so tests can assert it. */
export interface GateReview {
  environment: string;
  state: 'approved' | 'rejected' | null;
  comment: string | null;
  actor: string;
  at: string;
}

/** An environment's custom protection rule waiting on (or decided by) an App for a workflow run. */
export interface ProtectionGate {
  environment: string;
  appId: number;
  deploymentId: number;
  state: 'pending' | 'approved' | 'rejected';
  reviews: GateReview[];
}

export interface CommitComment {
  id: number;
  commitId: string;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowRun {
  id: number;
  name: string;
  event: string;
  actor: string;
  triggeringActor: string;
  headBranch: string;
  headSha: string;
  runAttempt: number;
  status: 'waiting' | 'in_progress' | 'completed';
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
  gates: ProtectionGate[];
}

export interface RepoSettings {
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  deleteBranchOnMerge: boolean;
}

export interface Repo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  description: string | null;
  defaultBranch: string;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  settings: RepoSettings;
  git: GitStore;
  /** Full ref name (`refs/heads/main`) → commit sha. */
  refs: Map<string, string>;
  issues: Map<number, Issue>;
  comments: Map<number, IssueComment>;
  labels: Map<string, Label>;
  /** Direct collaborators: login (lower case) → permission. */
  collaborators: Map<string, RepoPermission>;
  invitations: Map<number, RepoInvitation>;
  checkRuns: Map<number, CheckRun>;
  statuses: CommitStatus[];
  protections: Map<string, BranchProtection>;
  environments: Map<string, Environment>;
  deployments: Map<number, Deployment>;
  workflowRuns: Map<number, WorkflowRun>;
  /** Comments on commits (`/commits/{sha}/comments`), by id. */
  commitComments: Map<number, CommitComment>;
}
