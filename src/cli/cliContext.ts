/** What a command may touch, passed in so tests can run commands in-process. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The current time; `--at` replaces it. */
  now: () => number;
}

/** Exit codes of every command (DESIGN.md 3). */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/** A mistake in how a command was called: printed with the usage line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file or network operation that failed: printed without a stack trace, exit 2. */
export class IoError extends Error {
  override name = 'IoError';
}
