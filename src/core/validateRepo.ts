import { ownersOf } from './codeowners/index.js';
import type { Membership } from './checkEligibility.js';
import { grantStatus, grantWindow } from './grantWindow.js';
import type { GrantsRepo } from './grantsRepo.js';
import { problemAt, sortProblems, type Problem } from './problem.js';
import { validateGrant } from './validateGrant.js';
import { validatePolicy } from './validatePolicy.js';

/**
 * Every problem of a grants repository at `now`: what loading found, the policy's meaning, each
 * grant against the policy, and ownership — a grant file no CODEOWNERS rule owns could never be
 * approved, so it fails closed. Sorted by file and position.
 */
export function validateRepo(params: { repo: GrantsRepo; now: number; membership?: Membership }): Problem[] {
  const { repo, now, membership } = params;
  const problems: Problem[] = [...repo.problems];
  if (repo.policy) {
    problems.push(...validatePolicy(repo.policy));
    const context = { policy: repo.policy.data, now, ...(membership ? { membership } : {}) };
    for (const grant of repo.grants) problems.push(...validateGrant(grant, context));
  }
  problems.push(...checkOwnership(repo), ...checkOverlaps(repo, now));
  return sortProblems(problems);
}

function checkOwnership(repo: GrantsRepo): Problem[] {
  if (!repo.codeowners) {
    return repo.grantPaths.length === 0
      ? []
      : [
          {
            file: '.github/CODEOWNERS',
            line: 1,
            col: 1,
            code: 'repo-no-codeowners',
            message:
              'no CODEOWNERS file: nobody can approve a grant; add .github/CODEOWNERS with an owner for grants/',
            severity: 'error',
          },
        ];
  }
  const problems: Problem[] = [...repo.codeowners.problems];
  for (const path of repo.grantPaths) {
    if (ownersOf(repo.codeowners, path).owners.length === 0) {
      problems.push({
        file: path,
        line: 1,
        col: 1,
        code: 'grant-unowned',
        message: `no CODEOWNERS rule owns this file, so no review can approve it; add an owner for ${path.slice(0, path.lastIndexOf('/') + 1)} in ${repo.codeowners.file}`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** Two unexpired grants of one resource to one person are legal (an extension in flight) but worth a look. */
function checkOverlaps(repo: GrantsRepo, now: number): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const grant of repo.grants) {
    const window = grantWindow(grant.data);
    if (!window || grantStatus(window, now) === 'expired') continue;
    const id = `${grant.data.resource}\u0000${grant.data.grantee.toLowerCase()}`;
    const other = seen.get(id);
    if (other) {
      problems.push(
        problemAt(
          grant,
          ['grantee'],
          'grant-duplicate',
          `${grant.data.grantee} already has an unexpired grant of ${grant.data.resource} in ${other}`,
          { severity: 'warning' },
        ),
      );
    } else seen.set(id, grant.file);
  }
  return problems;
}
