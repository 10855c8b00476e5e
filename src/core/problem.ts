/** A 1-based position in a source file. */
export interface Position {
  line: number;
  col: number;
}

/** How bad a problem is: errors fail validation and the PR check; warnings are shown but do not fail. */
export type Severity = 'error' | 'warning';

/**
 * One finding about a user's file, precise enough to act on: `file:line:col: message`.
 * `code` is stable (tests, `--json` consumers and check-run annotations rely on it).
 */
export interface Problem extends Position {
  file: string;
  code: string;
  message: string;
  severity: Severity;
}

/** A path into a parsed document: mapping keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

/**
 * Finds where a path of a parsed document is written. With `key: true` it points at the mapping key
 * (for "unknown key" problems) instead of the value. Falls back to the nearest existing ancestor.
 */
export type Locate = (path: DocPath, options?: { key?: boolean }) => Position;

/** A parsed file: its repository path, its data and a way to point back into its text. */
export interface SourceFile<T> {
  file: string;
  data: T;
  locate: Locate;
}

/** Builds an error problem at a path of a source file. */
export function problemAt(
  source: Pick<SourceFile<unknown>, 'file' | 'locate'>,
  path: DocPath,
  code: string,
  message: string,
  options: { severity?: Severity; key?: boolean } = {},
): Problem {
  const position = source.locate(path, { key: options.key ?? false });
  return { file: source.file, ...position, code, message, severity: options.severity ?? 'error' };
}

/** Formats a problem the way compilers do, so editors and terminals can jump to it. */
export function formatProblem(problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.col}: ${tag}${problem.message} [${problem.code}]`;
}

/** Sorts problems by file, then line, then column, for stable output. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
