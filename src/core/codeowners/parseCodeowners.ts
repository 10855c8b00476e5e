import type { Problem } from '../problem.js';
import { compilePattern } from './compilePattern.js';
import { isValidOwner } from './isValidOwner.js';
import { tokenizeLine } from './tokenizeLine.js';
import type { Codeowners, CodeownersRule } from './types.js';

/**
 * GitHub does not load a CODEOWNERS file of this size or more ("must be under 3 MB"): then no file has
 * code owners. https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners#codeowners-file-size
 */
export const CODEOWNERS_MAX_BYTES = 3 * 1024 * 1024;

function byteLength(text: string): number {
  // A UTF-16 unit is at least one UTF-8 byte: a long text is too large without encoding it.
  return text.length >= CODEOWNERS_MAX_BYTES ? text.length : new TextEncoder().encode(text).byteLength;
}

function tooLarge(file: string, size: number): Problem {
  const message = `CODEOWNERS is ${size} bytes; GitHub does not load a CODEOWNERS file of ${CODEOWNERS_MAX_BYTES} bytes (3 MB) or more, so no file has code owners. Shrink it, for example by merging entries into wildcard patterns.`;
  return { file, line: 1, col: 1, code: 'codeowners-too-large', message, severity: 'error' };
}

/** Parses one line into a rule, or the problems that make GitHub skip it (none for blanks and comments). */
function parseLine(file: string, text: string, line: number): { rule?: CodeownersRule; problems: Problem[] } {
  const tokens = tokenizeLine(text);
  if (!tokens) return { problems: [] };
  const at = (col: number, code: string, message: string): Problem => {
    return { file, line, col, code, message, severity: 'error' };
  };
  const problems: Problem[] = [];
  const compiled = compilePattern(tokens.pattern.text);
  if (!compiled.ok) {
    const { offset, code, message } = compiled.error;
    problems.push(at(tokens.pattern.col + offset, code, message));
  }
  for (const owner of tokens.owners.filter((token) => !isValidOwner(token.text))) {
    const message = `'${owner.text}' is not a valid code owner; GitHub skips this whole line, so none of its owners apply. Write @username, @org/team-name or an email address, and start an inline comment with ' #'.`;
    problems.push(at(owner.col, 'codeowners-invalid-owner', message));
  }
  if (!compiled.ok || problems.length > 0) return { problems };
  const owners = tokens.owners.map((token) => token.text);
  return { rule: { pattern: tokens.pattern.text, owners, line, matches: compiled.matches }, problems };
}

/**
 * Parses a CODEOWNERS file once, compiling every pattern once, with GitHub's rules: `#` comments and
 * inline ` #` comments, blank lines, CRLF line endings and a leading BOM are ignored; a line GitHub finds
 * invalid (`!` negation, `[ ]`, `\#`, an owner that is not `@user`, `@org/team` or an email) is skipped
 * and reported as a problem at its 1-based line and column, while the other lines still apply.
 * A file of `CODEOWNERS_MAX_BYTES` or more has no rules and one problem, so every path is unowned and
 * callers fail closed. `size` is the stored file size in bytes when known (defaults to `text` in UTF-8).
 */
export function parseCodeowners(params: { file: string; text: string; size?: number }): Codeowners {
  const { file, text } = params;
  const size = params.size ?? byteLength(text);
  if (size >= CODEOWNERS_MAX_BYTES) return { file, rules: [], problems: [tooLarge(file, size)] };
  const rules: CodeownersRule[] = [];
  const problems: Problem[] = [];
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r?\n/);
  lines.forEach((lineText, index) => {
    const parsed = parseLine(file, lineText, index + 1);
    if (parsed.rule) rules.push(parsed.rule);
    problems.push(...parsed.problems);
  });
  return { file, rules, problems };
}
