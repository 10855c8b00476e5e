import { parseGrantPath } from './grantPath.js';
import { grantPathProblem } from './grantPathProblem.js';
import { problemAt, type Problem, type SourceFile } from './problem.js';
import type { Grant } from './types.js';

/** A grant must live in the folder named after its resource: grants/<resource>/<name>.yml. */
export function checkGrantPath(source: SourceFile<Grant>): Problem[] {
  const parts = parseGrantPath(source.file);
  if (!parts) {
    const problem = grantPathProblem(source.file)!;
    return [{ ...problem, severity: 'error' }];
  }
  if (parts.folder !== source.data.resource) {
    return [
      problemAt(
        source,
        ['resource'],
        'grant-wrong-folder',
        `this file is in grants/${parts.folder}/ but asks for resource "${source.data.resource}"; ` +
          `a grant must be filed under its own resource: move it to grants/${source.data.resource}/`,
      ),
    ];
  }
  return [];
}
