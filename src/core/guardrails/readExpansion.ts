import { CommandSyntaxError } from './commandSyntaxError.js';
import type { Lexer } from './lexCommand.js';

/** How deep substitutions may nest before the command is refused. */
const MAX_DEPTH = 8;

function enter(lx: Lexer): void {
  if (lx.depth >= MAX_DEPTH) throw new CommandSyntaxError(`substitutions nest more than ${MAX_DEPTH} deep`);
}

/** Reads `'...'` from its opening quote; returns the text between the quotes. */
export function readSingleQuoted(lx: Lexer): string {
  const end = lx.text.indexOf("'", lx.i + 1);
  if (end < 0) throw new CommandSyntaxError('a single quote is never closed');
  const text = lx.text.slice(lx.i + 1, end);
  lx.i = end + 1;
  return text;
}

/** Reads `${...}`; refuses quotes and substitutions inside, which could hide a command. */
function readBraced(lx: Lexer): void {
  const end = lx.text.indexOf('}', lx.i);
  if (end < 0) throw new CommandSyntaxError('a `${` is never closed');
  if (/["'`]|\$\(/.test(lx.text.slice(lx.i, end))) {
    throw new CommandSyntaxError('quotes or a substitution inside `${...}`');
  }
  lx.i = end + 1;
}

/** Lexes a backtick substitution; inside it, a backslash escapes only `$`, `` ` `` and `\`. */
export function readBacktick(lx: Lexer): void {
  let inner = '';
  for (let i = lx.i + 1; i < lx.text.length; i++) {
    const c = lx.text[i] as string;
    const next = lx.text[i + 1];
    if (c === '`') {
      enter(lx);
      lx.i = i + 1;
      const sub: Lexer = { ...lx, text: inner, i: 0, depth: lx.depth + 1 };
      lx.nested.push(lx.lex(sub, false));
      return;
    }
    if (c === '\\' && next !== undefined && '$`\\'.includes(next)) {
      inner += next;
      i++;
    } else inner += c;
  }
  throw new CommandSyntaxError('a backtick is never closed');
}

/** Lexes `$(...)`, `$((...))`, `<(...)` or `>(...)` from just after its `(`, as nested commands. */
export function readSubstitution(lx: Lexer): void {
  enter(lx);
  lx.depth++;
  lx.nested.push(lx.lex(lx, true));
  lx.depth--;
}

/**
 * Reads what follows a `$` (in double quotes when `quoted`): the text it stands for in the word, and
 * whether that text is only known at run time. `$'...'` is accepted only without backslash escapes,
 * which would decode into text the check cannot see.
 */
export function readDollar(lx: Lexer, quoted: boolean): { text: string; dynamic: boolean } {
  const start = lx.i;
  const next = lx.text[lx.i + 1] ?? '';
  if (next === '(') {
    lx.i += 2;
    readSubstitution(lx);
  } else if (next === '{') {
    lx.i += 2;
    readBraced(lx);
  } else if (next === "'" && !quoted) {
    lx.i++;
    const text = readSingleQuoted(lx);
    if (text.includes('\\')) throw new CommandSyntaxError("`$'...'` quoting with backslash escapes");
    return { text, dynamic: false };
  } else if (/^[A-Za-z_]/.test(next)) {
    lx.i += 2;
    while (/[A-Za-z0-9_]/.test(lx.text[lx.i] ?? '')) lx.i++;
  } else if (/^[0-9@*#?$!-]/.test(next)) {
    lx.i += 2;
  } else {
    // A lone `$`, or `$"..."` (a locale string: the quotes follow as usual).
    lx.i++;
    return { text: next === '"' && !quoted ? '' : '$', dynamic: false };
  }
  return { text: lx.text.slice(start, lx.i), dynamic: true };
}
