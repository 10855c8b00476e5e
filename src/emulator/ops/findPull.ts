import { notFound } from '../http.js';
import type { Issue, Pull, Repo } from '../state/types.js';

/** An issue that is a pull request, with its pull data. */
export type PullIssue = Issue & { pull: Pull };

/** The pull request with that number, or 404. */
export function findPull(repo: Repo, number: number): PullIssue {
  const issue = repo.issues.get(number);
  if (!issue?.pull) throw notFound();
  return issue as PullIssue;
}

/** The issue (or pull request) with that number, or 404. */
export function findIssue(repo: Repo, number: number): Issue {
  const issue = repo.issues.get(number);
  if (!issue) throw notFound();
  return issue;
}
