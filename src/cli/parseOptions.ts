import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseRfc3339 } from '../core/time/index.js';
import { UsageError, type CliContext } from './cliContext.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments strictly; unknown flags are usage errors that name the flag. */
export function parseOptions<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The command's notion of now: `--at` (RFC 3339 with offset) when given, else the clock. */
export function resolveNow(at: string | undefined, context: CliContext): number {
  if (at === undefined) return context.now();
  const parsed = parseRfc3339(at);
  if (parsed === undefined)
    throw new UsageError(`--at "${at}" is not an RFC 3339 time such as 2026-11-28T18:00:00Z`);
  return parsed;
}
