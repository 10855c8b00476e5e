import { isIgnorableInGrants, isUnderGrants } from '../core/grantPath.js';
import { grantPathProblem } from '../core/grantPathProblem.js';
import { POLICY_PATH, type GrantsRepo } from '../core/grantsRepo.js';
import type { Grant, Policy } from '../core/types.js';
import type { Problem, SourceFile } from '../core/problem.js';
import { decodeText } from './decodeText.js';
import { loadCodeowners } from './loadCodeowners.js';
import { loadYaml } from './loadYaml.js';
import type { SchemaValidator } from './schemaValidator.js';

/** Size caps: a grant is a few hundred bytes; the policy of a large organisation fits in 1 MiB. */
export const GRANT_MAX_BYTES = 64 * 1024;
export const POLICY_MAX_BYTES = 1024 * 1024;

/** The files of a grants repository that grantops reads, by repository path. */
export type RepoFiles = ReadonlyMap<string, Uint8Array>;

/** True for the paths grantops reads from a grants repository (the readers fetch only these). */
export function isRepoFileOfInterest(path: string): boolean {
  return path === POLICY_PATH || isUnderGrants(path) || /^(\.github\/|docs\/)?CODEOWNERS$/.test(path);
}

/**
 * Reads a grants repository from its files: access.yml, every file under grants/, and the
 * CODEOWNERS file GitHub would use (with no rules when that file cannot be read: never another
 * one). Pure apart from CPU: the caller fetched the bytes.
 * The policy keeps the positions of its one parse (every guardrail rule names its line); grant
 * files keep `grantPositions` (see loadYaml): lazy by default, so 10,000 grants hold no syntax
 * trees, or eager for a caller that will look up most of a few grants' positions.
 */
export function loadGrantsRepo(params: {
  files: RepoFiles;
  validator: SchemaValidator;
  grantPositions?: 'lazy' | 'eager';
  /**
   * Problems of files the reader found but did not keep (links, oversized files): such a file still
   * exists for GitHub, so a refused CODEOWNERS is still the one GitHub uses (see loadCodeowners).
   * Callers add these problems to the result themselves, as before.
   */
  refused?: readonly Problem[];
}): GrantsRepo {
  const { files, validator, grantPositions = 'lazy' } = params;
  const problems: Problem[] = [];
  const load = <T>(
    file: string,
    maxBytes: number,
    check: (s: SourceFile<unknown>) => { source?: SourceFile<T>; problems: Problem[] },
  ) => {
    const bytes = files.get(file);
    const text = bytes && decodeText(file, bytes, maxBytes, problems);
    if (text === undefined) return undefined;
    const positions = file === POLICY_PATH ? 'eager' : grantPositions;
    const parsed = loadYaml({ file, text, limits: { maxBytes }, positions });
    if (!parsed.ok) return void problems.push(...parsed.problems);
    const checked = check(parsed.source);
    problems.push(...checked.problems);
    return checked.source;
  };
  let policy: SourceFile<Policy> | undefined;
  if (files.has(POLICY_PATH)) policy = load(POLICY_PATH, POLICY_MAX_BYTES, validator.policy);
  else
    problems.push({
      file: POLICY_PATH,
      line: 1,
      col: 1,
      code: 'repo-no-policy',
      message: 'access.yml is missing: every grants repository needs a policy at its root',
      severity: 'error',
    });

  const grants: SourceFile<Grant>[] = [];
  const grantPaths = [...files.keys()].filter((p) => isUnderGrants(p) && !isIgnorableInGrants(p)).sort();
  for (const path of grantPaths) {
    const problem = grantPathProblem(path);
    if (problem) problems.push(problem);
    else {
      const grant = load(path, GRANT_MAX_BYTES, validator.grant);
      if (grant) grants.push(grant);
    }
  }
  const codeowners = loadCodeowners(files, params.refused ?? [], problems);
  return { policy, grants, codeowners, grantPaths, problems };
}
