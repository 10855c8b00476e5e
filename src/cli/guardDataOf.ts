import { isUnderGrants } from '../core/grantPath.js';
import type { GrantsRepo } from '../core/grantsRepo.js';
import { POLICY_PATH } from '../core/grantsRepo.js';
import type { Problem, SourceFile } from '../core/problem.js';
import type { Grant, Policy } from '../core/types.js';
import { validateRepo } from '../core/validateRepo.js';

/** The grants repository as the guardrail engine takes it. */
export interface GuardData {
  /** access.yml; a stand-in when it could not be read (then `dataProblems` holds an error). */
  policy: SourceFile<Policy>;
  /** Grants whose file has no error: only these can allow a deploy. */
  grants: SourceFile<Grant>[];
  /** Problems outside grant files (policy, CODEOWNERS, reading); any error blocks every deploy. */
  dataProblems: Problem[];
  /** Grant files with errors, which count for nobody. */
  ignoredGrantFiles: string[];
}

const STAND_IN: SourceFile<Policy> = {
  file: POLICY_PATH,
  data: { version: 1, resources: {} },
  locate: () => ({ line: 1, col: 1 }),
};

/**
 * Splits what `validateRepo` finds at `now` into what the guardrail engine needs. A problem in the
 * policy, CODEOWNERS or in reading the repository fails every decision closed. An error in a grant
 * file removes only that grant: an unreadable or invalid grant cannot prove anyone's access, and
 * dropping it can only take access away, so one stale grant does not stop every deploy.
 * `readProblems` are problems met before loading (unreadable paths, API failures).
 */
export function guardDataOf(params: {
  repo: GrantsRepo | undefined;
  now: number;
  readProblems?: readonly Problem[];
}): GuardData {
  const { repo, now, readProblems = [] } = params;
  const problems = repo ? validateRepo({ repo, now }) : [];
  const badGrantFiles = new Set(
    problems.filter((p) => p.severity === 'error' && isUnderGrants(p.file)).map((p) => p.file),
  );
  const dataProblems = [...readProblems, ...problems.filter((p) => !isUnderGrants(p.file))];
  const policy = repo?.policy;
  if (!policy && !dataProblems.some((p) => p.severity === 'error')) {
    dataProblems.push({
      file: POLICY_PATH,
      line: 1,
      col: 1,
      code: 'repo-no-policy',
      message: 'access.yml could not be read, so no guardrail can be checked',
      severity: 'error',
    });
  }
  return {
    policy: policy ?? STAND_IN,
    grants: (repo?.grants ?? []).filter((g) => !badGrantFiles.has(g.file)),
    dataProblems,
    ignoredGrantFiles: [...badGrantFiles].sort(),
  };
}
