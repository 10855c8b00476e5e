import { GRANT_NAME, GRANTS_DIR, RESOURCE_NAME } from './grantPath.js';
import type { Problem } from './problem.js';

const RESOURCE = new RegExp(`^${RESOURCE_NAME}$`);
const NAME = new RegExp(`^${GRANT_NAME}$`);

/**
 * What is wrong with a file under grants/ as a grant, or undefined when it is at
 * `grants/<resource>/<name>.yml` with a safe resource and name. Other YAML files are errors (they
 * could be mistaken for grants, and a `.yaml` file escapes CODEOWNERS rules written for `*.yml`);
 * a file that is not YAML is a warning (it is never read). Messages never repeat the path: the
 * problem's `file` names it, and a path may hold any character but `/`.
 */
export function grantPathProblem(path: string): Problem | undefined {
  const at = (code: string, message: string, severity: Problem['severity'] = 'error'): Problem => ({
    file: path,
    line: 1,
    col: 1,
    code,
    message,
    severity,
  });
  if (!/\.ya?ml$/i.test(path)) {
    return at(
      'grant-not-yaml',
      'only grant files (.yml) belong under grants/; this file is ignored',
      'warning',
    );
  }
  if (!path.endsWith('.yml')) {
    return at(
      'grant-not-yml',
      'a grant file name ends in ".yml" (lowercase, not ".yaml"): rename this file; until then it is not read as a grant',
    );
  }
  const parts = path.split('/');
  if (parts.length !== 3 || parts[0] !== GRANTS_DIR) {
    return at(
      'grant-path',
      'a grant file must be at grants/<resource>/<name>.yml; move this file into its resource folder',
    );
  }
  if (!RESOURCE.test(parts[1]!)) {
    return at(
      'grant-path-resource',
      'the folder under grants/ must be a resource name: 1 to 64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit; move this file into its resource folder',
    );
  }
  if (!NAME.test(parts[2]!.slice(0, -'.yml'.length))) {
    return at(
      'grant-path-name',
      'a grant file name may use only letters, digits, ".", "_" and "-", must start with a letter or digit, and may be at most 100 characters before ".yml": rename this file',
    );
  }
  return undefined;
}
