/** A word of a CODEOWNERS line and its 1-based column. */
export interface Token {
  text: string;
  col: number;
}

/** The words of a rule line: the pattern, then the owners. */
export interface LineTokens {
  pattern: Token;
  owners: Token[];
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (isSpace(line[i])) i++;
  return i;
}

/** Reads up to the next whitespace; with `escapes`, a backslash keeps the next character (`\ `) in the word. */
function readWord(line: string, from: number, escapes: boolean): Token {
  let i = from;
  while (i < line.length && !isSpace(line[i])) i += escapes && line[i] === '\\' ? 2 : 1;
  const end = Math.min(i, line.length);
  return { text: line.slice(from, end), col: from + 1 };
}

/**
 * Splits one CODEOWNERS line (without its line ending) into its pattern and owner words.
 * Returns undefined for a blank line or a comment line (`#` first, after optional indentation).
 * An inline comment starts at a `#` that begins a word after the pattern (` #`); a `#` inside the
 * pattern (`docs/a#b`) is part of it. Whitespace in the pattern is escaped as `\ `.
 */
export function tokenizeLine(line: string): LineTokens | undefined {
  let i = skipSpaces(line, 0);
  if (i >= line.length || line[i] === '#') return undefined;
  const pattern = readWord(line, i, true);
  const owners: Token[] = [];
  i = skipSpaces(line, pattern.col - 1 + pattern.text.length);
  while (i < line.length && line[i] !== '#') {
    const owner = readWord(line, i, false);
    owners.push(owner);
    i = skipSpaces(line, i + owner.text.length);
  }
  return { pattern, owners };
}
