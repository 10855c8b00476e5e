import { CommandSyntaxError } from './commandSyntaxError.js';
import type { WordToken } from './lexCommand.js';
import { ASSIGNMENT } from './splitCommands.js';
import { skipOptions, type OptionSpec } from './skipOptions.js';

/** Commands that run the command after their options (and, for `timeout`, a duration). */
const WRAPPERS: Record<string, OptionSpec & { operands?: number }> = {
  sudo: {
    short: 'CDghpRrtTUu',
    long: [
      'chdir',
      'chroot',
      'close-from',
      'command-timeout',
      'group',
      'host',
      'other-user',
      'prompt',
      'role',
      'type',
      'user',
    ],
  },
  doas: { short: 'uC' },
  env: { short: 'uC', long: ['unset', 'chdir'], loneDash: true },
  nice: { short: 'n', long: ['adjustment'] },
  timeout: { short: 'sk', long: ['signal', 'kill-after'], operands: 1 },
  nohup: {},
  time: { short: 'fo', long: ['format', 'output'] },
  command: {},
  builtin: {},
  exec: { short: 'a' },
  xargs: {
    short: 'aEdILnPs',
    long: ['arg-file', 'eof', 'delimiter', 'replace', 'max-lines', 'max-args', 'max-procs', 'max-chars'],
  },
  stdbuf: { short: 'ioe', long: ['input', 'output', 'error'] },
  ionice: { short: 'cnpPu', long: ['class', 'classdata', 'pid', 'pgid', 'uid'] },
  setsid: {},
};

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh']);
/** Shell options that take a value as the next word. */
const SHELL_OPTIONS: OptionSpec = { short: 'oO', long: ['rcfile', 'init-file'] };

/** What a simple command runs once wrappers are peeled off, and the scripts it hands to a shell. */
export interface Unwrapped {
  /** The command that runs, its name reduced to a basename (`/usr/bin/terraform` is `terraform`). */
  argv: string[];
  /** True behind `xargs`, which appends arguments read from standard input. */
  openEnded: boolean;
  /** Command strings run by `sh -c`, `bash -c`, `eval`: they are commands too. */
  scripts: string[];
}

const basename = (word: string): string => word.slice(word.lastIndexOf('/') + 1) || word;

/** The command string of `bash [options] -c STRING`; throws when the shell reads standard input instead. */
function shellScript(name: string, texts: readonly string[], start: number): string {
  // `+o posix`, `+x`: shells take options after a plus too.
  const words = texts.map((w) => (w.startsWith('+') ? `-${w.slice(1)}` : w));
  const options = words.slice(start, skipOptions(words, start, SHELL_OPTIONS));
  const operand = words[start + options.length];
  const runsString = options.some((o) => /^-[^-]*c/.test(o));
  if (runsString) {
    if (operand === undefined) throw new CommandSyntaxError(`\`${name} -c\` has no command string`);
    return texts[start + options.length] as string;
  }
  if (operand === undefined || options.some((o) => /^-[^-]*s/.test(o))) {
    throw new CommandSyntaxError(`\`${name}\` reads its commands from standard input`);
  }
  return '';
}

/**
 * Peels wrappers off a simple command: leading `NAME=value` assignments, then `sudo -u USER`,
 * `env -u NAME A=b`, `nice -n 10`, `timeout -s KILL 10m`, `xargs -n 1`, ... with their options, so
 * `sudo -u deploy /usr/bin/terraform destroy` runs `terraform destroy`. `sh -c STRING` and `eval`
 * hand back their strings as scripts to check. A command name computed at run time (`$TF destroy`)
 * throws `CommandSyntaxError`.
 */
export function unwrapCommand(words: readonly WordToken[]): Unwrapped {
  const texts = words.map((w) => w.text);
  let openEnded = false;
  let i = 0;
  for (;;) {
    while (i < words.length - 1 && ASSIGNMENT.test((words[i] as WordToken).raw)) i++;
    // `splitCommands` yields only commands with a word, and wrappers only move on to an existing word.
    const word = words[i] as WordToken;
    const name = basename(word.text);
    if (word.dynamic && /[$`]/.test(name)) {
      throw new CommandSyntaxError(`the command name \`${word.raw}\` is only known at run time`);
    }
    const wrapper = WRAPPERS[name];
    const next = wrapper ? skipOptions(texts, i + 1, wrapper) + (wrapper.operands ?? 0) : i;
    if (name === 'env' && texts.slice(i + 1, next).some((t) => /^-[^-]*S|^--split-string/.test(t))) {
      throw new CommandSyntaxError('`env -S` splits its argument into a command');
    }
    if (next === i || next >= words.length) {
      const scripts = SHELLS.has(name) ? [shellScript(name, texts, i + 1)] : [];
      if (name === 'eval') scripts.push(texts.slice(i + 1).join(' '));
      return { argv: [name, ...texts.slice(i + 1)], openEnded, scripts: scripts.filter((s) => s !== '') };
    }
    openEnded ||= name === 'xargs';
    i = next;
  }
}
