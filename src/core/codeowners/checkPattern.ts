/** Why GitHub skips a CODEOWNERS line because of its pattern, and where (0-based offset into the pattern). */
export interface PatternError {
  offset: number;
  code: string;
  message: string;
}

const SKIPPED = 'GitHub skips this whole line, so its owners do not apply';

/**
 * Finds what makes a pattern invalid in CODEOWNERS, where it is valid in gitignore: `!` negation,
 * `[ ]` character ranges and `\#` escaping are not supported. Also rejects a dangling `\` and `***`.
 * Returns undefined for a valid pattern.
 * https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners#codeowners-syntax
 */
export function checkPattern(pattern: string): PatternError | undefined {
  if (pattern.startsWith('!')) {
    const message = `'!' negation is not supported in CODEOWNERS; ${SKIPPED}. To take files out of an earlier rule, add a later rule for them with other owners, or with no owners to leave them unowned.`;
    return { offset: 0, code: 'codeowners-negation', message };
  }
  if (pattern.startsWith('\\#')) {
    const message = `Escaping a leading '#' with '\\' is not supported in CODEOWNERS; ${SKIPPED}. Write a pattern that does not start with '#', for example with a leading '/' or '**/'.`;
    return { offset: 0, code: 'codeowners-escaped-hash', message };
  }
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i === pattern.length - 1) return danglingEscape(i);
      i++;
    } else if (ch === '[' || ch === ']') {
      const message = `'${ch}' is not supported in CODEOWNERS (character ranges do not work); ${SKIPPED}. Escape it as '\\${ch}' to match a literal bracket, or list each path on its own line.`;
      return { offset: i, code: 'codeowners-bracket', message };
    } else if (pattern.startsWith('***', i)) {
      const message = `'***' is not a valid wildcard; ${SKIPPED}. Use '*' for any characters within a directory, or '**' for any number of directories.`;
      return { offset: i, code: 'codeowners-invalid-pattern', message };
    }
  }
  return undefined;
}

function danglingEscape(offset: number): PatternError {
  const message = `The pattern ends with a lone '\\', which escapes nothing; ${SKIPPED}. Remove it, or write '\\\\' for a literal backslash.`;
  return { offset, code: 'codeowners-invalid-pattern', message };
}
