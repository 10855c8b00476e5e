import type { Problem } from '../problem.js';

/** A file a pull request changes, as far as judging it needs. */
export interface ChangedPath {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string | undefined;
}

/** One review of a pull request. */
export interface ReviewInfo {
  reviewer: string;
  reviewerIsBot: boolean;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string;
  /** RFC 3339; undefined for a pending review. */
  submittedAt: string | undefined;
}

/** What a pull request is, for grantops. */
export type RequestKind =
  | 'request' // adds or changes grants only: judged, and merged by the App once approved
  | 'give-back' // only removes grants: access is revoked on merge; approved by each grantee or a code owner
  | 'maintenance' // changes access.yml, CODEOWNERS or other files: judged by CODEOWNERS, never merged by the App
  | 'mixed' // grants together with anything else, or more files than GitHub lists: fails, must be split
  | 'none' // touches nothing grantops cares about
  | 'other-branch'; // does not target the default branch: grants only take effect from there

/** A review that was not counted, and why (shown in the check so nobody wonders). */
export interface IgnoredReview {
  reviewer: string;
  why: string;
}

/** Where one grant file (requested, or removed) stands on approval. */
export interface FileApproval {
  file: string;
  /** Owners of the last matching CODEOWNERS rule at the base, as written. */
  owners: string[];
  /** Distinct qualifying owner approvals needed (the resource's approvals.min, at least 1; 1 for a removal). */
  min: number;
  /** Qualifying approvers who are owners of this file. */
  approvedBy: string[];
  /** Owners whose latest review requests changes: they block until they approve or are dismissed. */
  changesRequestedBy: string[];
  /** How the file is approved, when it is ('grantee': its grantee gives it back, as author or reviewer). */
  approvedVia: 'reviews' | 'auto_approve' | 'emergency' | 'grantee' | undefined;
  /** The auto_approve rule that matched, described for people. */
  autoApproveRule?: string;
  /**
   * Set when the pull request removes the file: whose access merging it revokes (the grantee on
   * the default branch; undefined when the file there is not a readable grant).
   */
  removal?: { grantee: string | undefined };
}

/** One row of the "what this PR grants" table. */
export interface GrantRow {
  file: string;
  grantee: string;
  resource: string;
  role: string | undefined;
  from: string;
  until: string;
  reason: string;
  ticket: string | undefined;
  emergency: boolean;
  expired: boolean;
}

/** The judgement of one pull request at one head commit and one instant. */
export interface RequestEvaluation {
  kind: RequestKind;
  headSha: string;
  problems: Problem[];
  grants: GrantRow[];
  approvals: FileApproval[];
  ignoredReviews: IgnoredReview[];
  removedGrants: string[];
  conclusion: 'success' | 'failure' | 'action_required' | 'neutral';
  title: string;
  /** True when the App may merge the PR now (an approved, valid request). */
  mergeable: boolean;
  /** True when this is an unapproved request whose grants have all expired: close it. */
  stale: boolean;
}
