import { CODEOWNERS_PATHS } from '../codeowners/index.js';
import { isIgnorableInGrants, isUnderGrants } from '../grantPath.js';
import { POLICY_PATH } from '../grantsRepo.js';
import type { ChangedPath, RequestKind } from './types.js';

/** The changed files of a pull request, sorted by what they mean for access. */
export interface ClassifiedChanges {
  /** Grant files added or changed (the paths at the head). */
  requested: string[];
  /** Grant files removed (or renamed away). */
  removed: string[];
  /** access.yml and CODEOWNERS files. */
  policy: string[];
  /** Anything else outside grants/. */
  other: string[];
  kind: Exclude<RequestKind, 'other-branch'>;
}

const POLICY_FILES = new Set<string>([POLICY_PATH, ...CODEOWNERS_PATHS]);

/** Sorts changed paths into requests, removals, policy and other files, and names the PR's kind. */
export function classifyChanges(changes: readonly ChangedPath[]): ClassifiedChanges {
  const result: ClassifiedChanges = { requested: [], removed: [], policy: [], other: [], kind: 'none' };
  const place = (path: string, removed: boolean) => {
    if (POLICY_FILES.has(path)) result.policy.push(path);
    else if (!isUnderGrants(path)) result.other.push(path);
    else if (isIgnorableInGrants(path)) return;
    else (removed ? result.removed : result.requested).push(path);
  };
  for (const change of changes) {
    if (change.status === 'unchanged') continue;
    if (change.status === 'renamed' && change.previousPath) place(change.previousPath, true);
    place(change.path, change.status === 'removed');
  }
  if (result.requested.length > 0) {
    result.kind = result.policy.length > 0 || result.other.length > 0 ? 'mixed' : 'request';
  } else if (result.policy.length > 0 || result.other.length > 0) {
    result.kind = 'maintenance';
  } else if (result.removed.length > 0) {
    result.kind = 'give-back';
  }
  return result;
}
