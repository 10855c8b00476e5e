import { loadYaml } from '../config/loadYaml.js';
import { createSchemaValidator } from '../config/schemaValidator.js';
import type { GrantsRepo } from '../core/grantsRepo.js';
import type { Problem } from '../core/problem.js';
import { validateRepo } from '../core/validateRepo.js';

/**
 * Validates a repository as it will be with one new grant file, and returns the problems of the new
 * file and those of the repository that would stop any grant (policy, CODEOWNERS).
 */
export function checkNewGrant(repo: GrantsRepo, file: string, text: string, now: number): Problem[] {
  const parsed = loadYaml({ file, text });
  if (!parsed.ok) return parsed.problems;
  const checked = createSchemaValidator().grant(parsed.source);
  if (!checked.source) return checked.problems;
  const withNew = {
    ...repo,
    grants: [...repo.grants, checked.source],
    grantPaths: [...repo.grantPaths, file],
  };
  return validateRepo({ repo: withNew, now }).filter(
    (p) =>
      p.file === file ||
      (p.file === 'access.yml' && p.severity === 'error') ||
      p.code === 'repo-no-codeowners' ||
      p.code === 'repo-no-policy',
  );
}
