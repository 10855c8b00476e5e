import type { Membership } from '../checkEligibility.js';
import type { GrantsRepo } from '../grantsRepo.js';
import type { Problem } from '../problem.js';
import { parseDuration } from '../time/index.js';
import { validatePolicy } from '../validatePolicy.js';
import { validateRepo } from '../validateRepo.js';
import { classifyChanges } from './classifyChanges.js';
import { concludeGiveBack } from './concludeGiveBack.js';
import { concludeRequest } from './concludeRequest.js';
import { judgeRequestedGrants } from './judgeRequestedGrants.js';
import type { ChangedPath, RequestEvaluation, ReviewInfo } from './types.js';

export const DEFAULT_REQUEST_TTL = '7d';

/** Everything one evaluation of a pull request reads, fetched by the caller. */
export interface RequestInput {
  pr: { author: string; headSha: string; baseRef: string };
  defaultBranch: string;
  changes: readonly ChangedPath[];
  /** The grants repo at the tip of the default branch: policy and CODEOWNERS come only from here. */
  base: GrantsRepo;
  /** The grants repo at the PR's head commit. */
  head: GrantsRepo;
  reviews: readonly ReviewInfo[];
  commitAuthors: readonly string[];
  pusher: string | undefined;
  membership: Membership;
  now: number;
}

const empty = (headSha: string): Omit<RequestEvaluation, 'kind' | 'conclusion' | 'title'> => ({
  headSha,
  problems: [],
  grants: [],
  approvals: [],
  ignoredReviews: [],
  removedGrants: [],
  mergeable: false,
  stale: false,
});

/**
 * Judges a pull request against the grants repository's rules: what kind of change it is, every
 * problem at its file and position, what it grants, who must still approve (for the grants it
 * requests and for those it removes, since a removal revokes access on merge), and whether the App
 * may merge it. Pure: the caller fetched everything; `now` is passed in.
 */
export function evaluateRequest(input: RequestInput): RequestEvaluation {
  const base = empty(input.pr.headSha);
  if (input.pr.baseRef !== input.defaultBranch) {
    const title = `Not judged: grants take effect only from ${input.defaultBranch}`;
    return { ...base, kind: 'other-branch', conclusion: 'neutral', title };
  }
  const changes = classifyChanges(input.changes);
  switch (changes.kind) {
    case 'none':
      return { ...base, kind: 'none', conclusion: 'neutral', title: 'No grants or policy changed' };
    case 'mixed': {
      const problems = [...changes.policy, ...changes.other].map((file) =>
        splitProblem(file, changes.requested.length),
      );
      return {
        ...base,
        kind: 'mixed',
        problems,
        conclusion: 'failure',
        title: 'Split this pull request: grants cannot change together with other files',
      };
    }
    default:
      break;
  }
  if (changes.kind === 'maintenance') {
    const problems = validateRepo({ repo: input.head, now: input.now, membership: input.membership });
    const errors = problems.filter((p) => p.severity === 'error').length;
    const title =
      errors > 0
        ? `The change leaves the grants repository invalid (${errors} errors)`
        : 'Valid. Approval is by CODEOWNERS; grantops never merges policy changes';
    return { ...base, kind: 'maintenance', problems, conclusion: errors > 0 ? 'failure' : 'success', title };
  }
  // A request is judged only against a policy that loads and means something: a broken pattern or
  // cap would otherwise let a grant through unchecked. (Maintenance PRs above may fix it.)
  const basePolicyProblems = [
    ...input.base.problems.filter((p) => p.file === 'access.yml' && p.severity === 'error'),
    ...(input.base.policy ? validatePolicy(input.base.policy).filter((p) => p.severity === 'error') : []),
  ];
  if (!input.base.policy || basePolicyProblems.length > 0) {
    const problems: Problem[] =
      basePolicyProblems.length > 0 ? basePolicyProblems : input.base.problems.slice(0, 1);
    const title = `access.yml on ${input.defaultBranch} is invalid: fix it before any request can be judged`;
    return { ...base, kind: changes.kind, problems, conclusion: 'failure', title };
  }
  const ttlMs = parseDuration(input.base.policy.data.settings?.request_ttl ?? DEFAULT_REQUEST_TTL)!;
  const { allExpired, ...judged } = judgeRequestedGrants({
    input,
    requested: changes.requested,
    removed: changes.removed,
    ttlMs,
  });
  const removedGrants = changes.removed;
  if (changes.kind === 'give-back')
    return concludeGiveBack({ ...base, ...judged, removedGrants, kind: 'give-back' });
  return concludeRequest({ ...base, ...judged, allExpired, removedGrants, kind: 'request' });
}

function splitProblem(file: string, grants: number): Problem {
  return {
    file,
    line: 1,
    col: 1,
    code: 'request-mixed',
    message: `this pull request also adds or changes ${grants} grant file(s); a PR may carry grants or other changes, not both: move this file to its own pull request`,
    severity: 'error',
  };
}
