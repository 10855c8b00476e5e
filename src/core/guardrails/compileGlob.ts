import { normalizeCommand } from './normalizeCommand.js';

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Index of the `]` closing a class opened at `open`, or -1. A `]` right after `[` or `[!` is literal. */
function classEnd(p: string, open: number): number {
  let i = open + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

function translateClass(body: string): string {
  const negate = body.startsWith('!') || body.startsWith('^');
  let out = negate ? '[^' : '[';
  for (let i = negate ? 1 : 0; i < body.length; i++) {
    const escaped = body[i] === '\\';
    const c = (escaped ? body[++i] : body[i]) as string;
    out += /[\\\]^[]/.test(c) || (escaped && c === '-') ? `\\${c}` : c;
  }
  return `${out}]`;
}

/** Splits the inside of `{...}` at its top-level commas; undefined when it has none (then it is literal). */
function braceAlternatives(p: string, open: number): { parts: string[]; end: number } | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(p.slice(start, i));
      start = i + 1;
    } else if (c === '}') {
      parts.push(p.slice(start, i));
      return parts.length > 1 ? { parts, end: i } : undefined;
    }
  }
  return undefined;
}

function translate(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '\\') {
      out += escapeRegExp(p[i + 1] ?? '\\');
      i++;
    } else if (c === '*') {
      while (p[i + 1] === '*') i++;
      out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[' && classEnd(p, i) > 0) {
      const end = classEnd(p, i);
      out += translateClass(p.slice(i + 1, end));
      i = end;
    } else if (c === '{' && braceAlternatives(p, i)) {
      const { parts, end } = braceAlternatives(p, i) as { parts: string[]; end: number };
      out += `(?:${parts.map(translate).join('|')})`;
      i = end;
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

/**
 * Compiles a command pattern into an anchored regular expression. The syntax is minimatch's, but for
 * commands rather than paths: `*` (and `**`) match anything including `/` and spaces, `?` one
 * character, `[a-z]`/`[!a-z]` a class, `{a,b}` alternatives (a brace without a top-level comma, as
 * in `${HOME}`, is literal) and `\` escapes the next character. Whitespace in the pattern is
 * normalised like commands. A pattern that cannot compile (a reversed range) matches only itself.
 */
export function compileGlob(pattern: string): RegExp {
  const normalized = normalizeCommand(pattern);
  try {
    return new RegExp(`^${translate(normalized)}$`, 's');
  } catch {
    return new RegExp(`^${escapeRegExp(normalized)}$`, 's');
  }
}
