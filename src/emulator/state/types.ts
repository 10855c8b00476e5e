import type { KeyObject } from 'node:crypto';
import type { GitStore } from '../git/objects.js';

/** A repository permission as the collaborators API names it. */
export type RepoPermission = 'pull' | 'triage' | 'push' | 'maintain' | 'admin';

/** An installation's access to one permission. */
export type PermissionLevel = 'read' | 'write';

export interface User {
  id: number;
  login: string;
  type: 'User' | 'Bot' | 'Organization';
  name: string;
  email: string;
  createdAt: string;
}

export interface OrgInvitation {
  id: number;
  login: string;
  role: 'admin' | 'direct_member';
  inviter: string;
  createdAt: string;
}

export interface Org {
  id: number;
  login: string;
  name: string;
  /** login (lower case) → role */
  members: Map<string, 'admin' | 'member'>;
  invitations: Map<string, OrgInvitation>;
  /** What every member can do on every repository of the org (GitHub's base permission). */
  basePermission: RepoPermission | 'none';
  createdAt: string;
}

export type TeamRole = 'member' | 'maintainer';

export interface Team {
  id: number;
  org: string;
  slug: string;
  name: string;
  description: string | null;
  privacy: 'closed' | 'secret';
  /** Active members: login (lower case) → role. */
  members: Map<string, TeamRole>;
  /** Memberships waiting for an org invitation to be accepted. */
  pending: Map<string, TeamRole>;
  /** Repository full name (lower case) → permission granted to the team. */
  repos: Map<string, RepoPermission>;
  createdAt: string;
}

export interface App {
  id: number;
  slug: string;
  name: string;
  owner: string;
  clientId: string;
  privateKey: string;
  publicKey: KeyObject;
  webhookSecret: string;
  webhookUrl: string | null;
  /** Subscribed events; `null` means all. */
  events: string[] | null;
  permissions: Record<string, PermissionLevel>;
  createdAt: string;
}

export interface Installation {
  id: number;
  appId: number;
  account: string;
  targetType: 'Organization' | 'User';
  repositorySelection: 'all' | 'selected';
  repositoryIds: Set<number>;
  permissions: Record<string, PermissionLevel>;
  createdAt: string;
}

/** What a token stands for. */
export type TokenGrant =
  | { kind: 'user'; login: string }
  | {
      kind: 'installation';
      installationId: number;
      expiresAt: number;
      permissions: Record<string, PermissionLevel>;
      repositoryIds: Set<number> | null;
    };

export interface Review {
  id: number;
  user: string;
  body: string;
  state: 'PENDING' | 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commitId: string;
  submittedAt: string | null;
}

export interface Pull {
  id: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  /** Base branch head when the pull request was merged or closed (files and commits stay as they were). */
  closedBaseSha: string | null;
  maintainerCanModify: boolean;
  reviews: Review[];
  requestedReviewers: string[];
  requestedTeams: string[];
}

export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  pull: Pull | null;
}

export interface IssueComment {
  id: number;
  issueNumber: number;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

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
}
