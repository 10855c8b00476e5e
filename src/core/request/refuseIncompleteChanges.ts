import type { Problem } from '../problem.js';
import type { ChangedPath, RequestEvaluation } from './types.js';

/**
 * The judgement of a pull request whose changed files GitHub did not list in full (a comparison
 * lists at most `limit`): a file left out could be a grant, access.yml or CODEOWNERS, so nothing
 * about the PR can be trusted and the check fails, asking for smaller pull requests.
 */
export function refuseIncompleteChanges(params: {
  headSha: string;
  listed: readonly ChangedPath[];
  limit: number;
}): RequestEvaluation {
  const { headSha, listed, limit } = params;
  const message = `GitHub lists at most ${limit} changed files of a pull request for grantops to read, and this one changes ${listed.length} or more: an unlisted file could be a grant or a policy change, so it cannot be judged. Split it into pull requests of fewer than ${limit} files each`;
  // The annotation goes where GitHub's list was cut.
  const last = listed.at(-1);
  const problems: Problem[] = last
    ? [{ file: last.path, line: 1, col: 1, code: 'request-too-many-files', message, severity: 'error' }]
    : [];
  return {
    kind: 'mixed',
    headSha,
    problems,
    grants: [],
    approvals: [],
    ignoredReviews: [],
    removedGrants: [],
    conclusion: 'failure',
    title: `Split this pull request: GitHub lists at most ${limit} of its changed files`,
    mergeable: false,
    stale: false,
  };
}
