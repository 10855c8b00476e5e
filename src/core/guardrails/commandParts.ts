import { normalizeCommand } from './normalizeCommand.js';

/**
 * Where one shell command ends and another begins: `&&`, `||`, `;`, pipes (`|`, `|&`), background
 * `&` (not the `&` of a redirection like `2>&1` or `&>`), newlines, and command substitution
 * (`$(...)`, backticks, subshell parentheses).
 */
const SEPARATOR = /&&|\|\||\|&|(?<![<>])&(?![>&])|\$\(|[;|\n\r`()]/;

/** Words that run the command after them: `sudo terraform destroy` still runs `terraform destroy`. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'nohup', 'time', 'nice', 'builtin']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Drops leading `NAME=value` assignments and wrapper words (with their `-flags`). */
function unwrap(segment: string): string {
  const words = segment.split(' ');
  let i = 0;
  let afterWrapper = false;
  for (; i < words.length - 1; i++) {
    const word = words[i] as string;
    if (WRAPPERS.has(word)) afterWrapper = true;
    else if (!ASSIGNMENT.test(word) && !(afterWrapper && word.startsWith('-'))) break;
  }
  return words.slice(i).join(' ');
}

/** A command, normalised and cut into the simple commands it runs. */
export interface CommandParts {
  /** The whole command, whitespace normalised. */
  whole: string;
  /** Each simple command, as written (normalised); parts without a letter or digit are dropped. */
  segments: string[];
  /** Every form a deny pattern is tried against: the whole, each segment and each unwrapped segment. */
  candidates: string[];
}

/**
 * Cuts a command into the simple commands it runs, so `echo ok && terraform destroy` cannot hide the
 * destroy behind an allowed prefix. Splitting ignores quoting on purpose: it may cut a quoted string,
 * which only makes deny patterns match more and allow lists ask for more, never less.
 */
export function commandParts(command: string): CommandParts {
  // A backslash before a newline continues the same command (`terraform \<newline> destroy`).
  const text = command.replace(/\\\r?\n/g, ' ');
  const whole = normalizeCommand(text);
  const segments = text
    .split(SEPARATOR)
    .map(normalizeCommand)
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  const candidates = [...new Set([whole, ...segments, ...segments.map(unwrap)])].filter((c) => c !== '');
  return { whole, segments, candidates };
}
