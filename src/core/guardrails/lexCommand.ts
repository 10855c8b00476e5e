import { CommandSyntaxError } from './commandSyntaxError.js';
import { readBacktick, readDollar, readSingleQuoted, readSubstitution } from './readExpansion.js';

/** A shell word with quotes and escapes removed; `dynamic` when it holds `$NAME`, `${...}` or a substitution. */
export interface WordToken {
  kind: 'word';
  text: string;
  /** The word as written in the source. */
  raw: string;
  dynamic: boolean;
}

/** A control operator: `;` (also for newlines), `&&`, `||`, `|`, `|&`, `&`, `;;`, `;&`, `;;&`, `(`, `)`. */
export interface OpToken {
  kind: 'op';
  op: string;
}

/** A redirection with its target, as one piece of text (`2>&1`, `>/dev/null`). */
export interface RedirectToken {
  kind: 'redirect';
  text: string;
}

export type Token = WordToken | OpToken | RedirectToken;

/** The tokenizer's position in one piece of text; substitutions found anywhere land in `nested`. */
export interface Lexer {
  text: string;
  i: number;
  depth: number;
  nested: Token[][];
  /** Lexes from the current position to the end, or (`closeParen`) to the `)` closing a substitution. */
  lex: (lx: Lexer, closeParen: boolean) => Token[];
}

const OPERATORS = [';;&', '&&', '||', ';;', ';&', '|&', '|', '&', ';', '(', ')'];
const NEWLINE = /^(?:\r\n|\n|\r)/;
const CONTINUATION = /^\\(?:\r\n|\n|\r)/;
/** Blanks between words: any Unicode space, so `terraform\u00a0destroy` is two words, not one hiding one. */
const BLANK = /^[^\S\r\n]/;
/** Where an unquoted word ends. */
const WORD_END = /^(?:\s|[;&|()<>])/;
/** A redirection operator, with an optional file descriptor number (`2>`, `&>>`, `<<<`). */
const REDIRECT = /^(?:[0-9]*(?:<<<|<<-|<<|<>|<&|>>|>&|>\||<|>)|&>>|&>)/;
/** Brace expansion (`{a,b}`, `{1..3}`) turns one word into several: `{terraform,destroy}` runs a destroy. */
const BRACE_EXPANSION = /\{[^{}]*(?:,|\.\.)[^{}]*\}/;

/** Reads `"..."` from its opening quote: a backslash escapes only `$`, `` ` ``, `"`, `\` and a newline. */
function readDoubleQuoted(lx: Lexer): { text: string; dynamic: boolean } {
  let text = '';
  let dynamic = false;
  lx.i++;
  while (lx.i < lx.text.length) {
    const c = lx.text[lx.i] as string;
    const next = lx.text[lx.i + 1] ?? '';
    if (c === '"') {
      lx.i++;
      return { text, dynamic };
    }
    if (c === '$') {
      const part = readDollar(lx, true);
      text += part.text;
      dynamic ||= part.dynamic;
    } else if (c === '`') {
      const start = lx.i;
      readBacktick(lx);
      text += lx.text.slice(start, lx.i);
      dynamic = true;
    } else if (c === '\\' && next !== '' && '$`"\\\n'.includes(next)) {
      text += next === '\n' ? '' : next;
      lx.i += 2;
    } else {
      text += c;
      lx.i++;
    }
  }
  throw new CommandSyntaxError('a double quote is never closed');
}

interface Part {
  text: string;
  dynamic: boolean;
  /** Unquoted, unescaped text (where brace expansion would happen). */
  plain?: boolean;
}

function readPart(lx: Lexer, rest: string): Part {
  const c = rest[0] as string;
  const from = lx.i;
  if (/^[<>]\(/.test(rest)) {
    lx.i += 2;
    readSubstitution(lx);
    return { text: lx.text.slice(from, lx.i), dynamic: true };
  }
  if (c === "'") return { text: readSingleQuoted(lx), dynamic: false };
  if (c === '"') return readDoubleQuoted(lx);
  if (c === '$') return readDollar(lx, false);
  if (c === '`') {
    readBacktick(lx);
    return { text: lx.text.slice(from, lx.i), dynamic: true };
  }
  const continuation = CONTINUATION.exec(rest);
  if (continuation) {
    lx.i += continuation[0].length;
    return { text: '', dynamic: false };
  }
  lx.i += c === '\\' ? 2 : 1;
  return c === '\\' ? { text: rest[1] ?? c, dynamic: false } : { text: c, dynamic: false, plain: true };
}

/** Reads one word up to an unquoted blank or operator, removing quotes and backslash escapes. */
function readWord(lx: Lexer): WordToken {
  const start = lx.i;
  let text = '';
  let unquoted = '';
  let dynamic = false;
  for (let rest = lx.text.slice(lx.i); rest !== ''; rest = lx.text.slice(lx.i)) {
    if (WORD_END.test(rest) && !/^[<>]\(/.test(rest)) break;
    const part = readPart(lx, rest);
    text += part.text;
    if (part.plain) unquoted += part.text;
    dynamic ||= part.dynamic;
  }
  if (BRACE_EXPANSION.test(unquoted)) throw new CommandSyntaxError('brace expansion (`{a,b}`, `{1..3}`)');
  return { kind: 'word', text, raw: lx.text.slice(start, lx.i), dynamic };
}

function readRedirect(lx: Lexer): RedirectToken {
  const op = (REDIRECT.exec(lx.text.slice(lx.i)) as RegExpExecArray)[0];
  if (/^[0-9]*<<-?$/.test(op)) throw new CommandSyntaxError('a heredoc (`<<`): its lines are not checked');
  lx.i += op.length;
  while (BLANK.test(lx.text.slice(lx.i))) lx.i++;
  const target = readWord(lx);
  if (target.raw === '') throw new CommandSyntaxError(`the redirection \`${op}\` has no target`);
  return { kind: 'redirect', text: op + target.text };
}

function readOperator(lx: Lexer): string | undefined {
  const rest = lx.text.slice(lx.i);
  const newline = NEWLINE.exec(rest);
  if (newline) {
    lx.i += newline[0].length;
    return ';';
  }
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (op !== undefined) lx.i += op.length;
  return op;
}

/** Lexes to the end of the text, or (`closeParen`) to the `)` that closes a substitution. */
function lexUntil(lx: Lexer, closeParen: boolean): Token[] {
  const tokens: Token[] = [];
  let parens = 0;
  while (lx.i < lx.text.length) {
    const rest = lx.text.slice(lx.i);
    if (BLANK.test(rest)) lx.i++;
    else if (CONTINUATION.test(rest)) lx.i += (CONTINUATION.exec(rest) as RegExpExecArray)[0].length;
    else if (rest.startsWith('#')) lx.i += (/^[^\r\n]*/.exec(rest) as RegExpExecArray)[0].length;
    else if (closeParen && parens === 0 && rest.startsWith(')')) {
      lx.i++;
      return tokens;
    } else if (/^[<>]\(/.test(rest)) tokens.push(readWord(lx));
    else if (REDIRECT.test(rest)) tokens.push(readRedirect(lx));
    else {
      const op = readOperator(lx);
      if (op === '(') parens++;
      if (op === ')') parens--;
      tokens.push(op === undefined ? readWord(lx) : { kind: 'op', op });
    }
  }
  if (closeParen) throw new CommandSyntaxError('a `$(` is never closed');
  return tokens;
}

/**
 * Cuts a command into shell tokens: words (quotes and escapes removed), control operators and
 * redirections; the tokens of each command substitution come back in `nested`. This is a small
 * tokenizer, not a shell: what it cannot read safely throws `CommandSyntaxError`.
 */
export function lexCommand(text: string, depth: number): { tokens: Token[]; nested: Token[][] } {
  const lx: Lexer = { text, i: 0, depth, nested: [], lex: lexUntil };
  const tokens = lexUntil(lx, false);
  return { tokens, nested: lx.nested };
}
