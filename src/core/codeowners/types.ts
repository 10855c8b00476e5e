import type { Problem } from '../problem.js';

/** One valid CODEOWNERS line: its pattern, its owners and the pattern compiled once. */
export interface CodeownersRule {
  /** The pattern as written, escapes included (`path\ with\ spaces/`). */
  pattern: string;
  /** Owners in the order written: `@user`, `@org/team-name` or an email. Empty: matching files are unowned. */
  owners: string[];
  /** 1-based line of the rule in the file. */
  line: number;
  /** Tests a repo-relative path (no leading slash) against the pattern, compiled once, with GitHub's semantics. */
  matches: (path: string) => boolean;
}

/**
 * A parsed CODEOWNERS file. `rules` holds the valid lines in file order; every invalid line is left out
 * (as GitHub skips it) and reported in `problems`.
 */
export interface Codeowners {
  file: string;
  rules: CodeownersRule[];
  problems: Problem[];
}
