import type { Codeowners } from './codeowners/index.js';
import type { Problem, SourceFile } from './problem.js';
import type { Grant, Policy } from './types.js';

/** The policy file's path in a grants repository. */
export const POLICY_PATH = 'access.yml';

/** A grants repository as read at one commit: what parsed, and what did not. */
export interface GrantsRepo {
  /** access.yml when it parsed and passed its schema. */
  policy: SourceFile<Policy> | undefined;
  /** Grant files that parsed and passed their schema. */
  grants: SourceFile<Grant>[];
  /** The CODEOWNERS file GitHub would use, when there is one. */
  codeowners: Codeowners | undefined;
  /** Every path under grants/, valid or not (ownership is checked for all of them). */
  grantPaths: string[];
  /** What loading found: YAML, schema and layout problems. */
  problems: Problem[];
}
