/** The options of a command: which take a value (short letters, long names), and how many operands follow. */
export interface OptionSpec {
  /** Short options that take a value, attached (`-n10`) or as the next word (`-n 10`). */
  short?: string;
  /** Long options that take a value as the next word unless written `--name=value`. */
  long?: readonly string[];
  /** True when a lone `-` is an option too (`env -` is `env -i`). */
  loneDash?: boolean;
}

/**
 * Returns the index of the first word after the options that start at `start`: `-abc` clusters
 * (a value letter takes the rest of the word or the next word), `--long[=value]`, and `--`, which
 * ends the options. Unknown options count as flags.
 */
export function skipOptions(words: readonly string[], start: number, spec: OptionSpec): number {
  let i = start;
  while (i < words.length) {
    const word = words[i] as string;
    if (word === '--') return i + 1;
    if (!word.startsWith('-') || (word === '-' && !spec.loneDash)) return i;
    i++;
    if (word.startsWith('--')) {
      if (!word.includes('=') && spec.long?.includes(word.slice(2))) i++;
      continue;
    }
    const valueAt = [...word.slice(1)].findIndex((c) => spec.short?.includes(c));
    if (valueAt === word.length - 2) i++;
  }
  return i;
}
