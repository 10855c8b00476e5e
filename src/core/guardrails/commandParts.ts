import { CommandSyntaxError } from './commandSyntaxError.js';
import { lexCommand, type WordToken } from './lexCommand.js';
import { normalizeCommand } from './normalizeCommand.js';
import { splitCommands } from './splitCommands.js';
import { unwrapCommand } from './unwrapCommand.js';

/** One simple command of a command line, in the two forms the command rules read. */
export interface SimpleCommand {
  /** As written: every word and redirection, quotes and escapes removed, joined by single spaces. */
  written: string;
  /** What runs: assignments, redirections and wrappers removed, the command name a basename. */
  argv: string[];
  /** True behind `xargs`, which appends arguments read from standard input. */
  openEnded: boolean;
}

/** A command line cut into the simple commands it runs, or why it cannot be read. */
export interface CommandParts {
  /** The whole command, whitespace normalised (line continuations joined). */
  whole: string;
  /** Every simple command, including those in `$(...)`, backticks, `sh -c` strings and `eval`. */
  commands: SimpleCommand[];
  /** Set when the tokenizer could not make sense of the command: the rules fail closed on it. */
  problem?: string;
}

/** How deep `sh -c`, `eval` and substitutions may nest inside each other. */
const MAX_DEPTH = 8;

function collect(text: string, depth: number, out: SimpleCommand[]): void {
  if (depth > MAX_DEPTH) throw new CommandSyntaxError(`shells and evals nest more than ${MAX_DEPTH} deep`);
  const { tokens, nested } = lexCommand(text, depth);
  for (const list of [tokens, ...nested]) {
    for (const items of splitCommands(list)) {
      const words = items.filter((t): t is WordToken => t.kind === 'word');
      const { argv, openEnded, scripts } = unwrapCommand(words);
      out.push({ written: normalizeCommand(items.map((t) => t.text).join(' ')), argv, openEnded });
      for (const script of scripts) collect(script, depth + 1, out);
    }
  }
}

/**
 * Reads a command line the way a shell would, closely enough to judge it: splits it into simple
 * commands at `;`, `&&`, `||`, `|`, `&`, newlines, parentheses, braces, `!` and reserved words;
 * removes quotes and escapes; drops redirections and assignments; peels off wrappers (`sudo`, `env`,
 * `timeout`, `xargs`...); and reads the commands inside `$(...)`, backticks, `sh -c` and `eval`.
 * What it cannot read safely (an unbalanced quote, a heredoc, a shell reading standard input, a
 * command name known only at run time) comes back as `problem`, and the rules fail closed.
 */
export function commandParts(command: string): CommandParts {
  const whole = normalizeCommand(command.replace(/\\(?:\r\n|\n|\r)/g, ' '));
  const commands: SimpleCommand[] = [];
  try {
    collect(command, 0, commands);
  } catch (error) {
    // Anything the tokenizer throws (a `CommandSyntaxError`, or a bug) fails closed.
    return { whole, commands, problem: (error as Error).message };
  }
  return { whole, commands };
}
