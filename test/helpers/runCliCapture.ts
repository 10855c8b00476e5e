import { runCli } from '../../src/cli/runCli.js';
import { parseRfc3339 } from '../../src/core/time/index.js';

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function runCliCapture(
  argv: string[],
  options: { cwd?: string; now?: string; env?: Record<string, string> } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    now: () => parseRfc3339(options.now ?? '2026-11-27T12:00:00Z')!,
  });
  return { code, stdout, stderr };
}
