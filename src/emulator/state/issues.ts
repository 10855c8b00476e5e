/** Issues, pull requests, reviews, comments and labels. */
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
