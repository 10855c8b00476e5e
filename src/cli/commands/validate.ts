import { relative, resolve } from 'node:path';
import { formatProblem, type Problem } from '../../core/problem.js';
import { validateRepo } from '../../core/validateRepo.js';
import { EXIT, type CliContext } from '../cliContext.js';
import { loadCheckout } from '../loadCheckout.js';
import { parseOptions, resolveNow } from '../parseOptions.js';

export const validateUsage = 'grantops validate [DIR] [--at TIME] [--json]';

/** `grantops validate`: schema and policy checks of a checkout; exit 1 when any error is found. */
export async function validate(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseOptions(args, { at: { type: 'string' }, json: { type: 'boolean' } });
  const dir = positionals[0] ?? '.';
  const now = resolveNow(values.at, context);
  const repo = await loadCheckout(resolve(context.cwd, dir));
  const problems = validateRepo({ repo, now });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (values.json) {
    context.stdout(`${JSON.stringify({ ok: errors === 0, errors, warnings, problems }, null, 2)}\n`);
    return errors > 0 ? EXIT.problem : EXIT.ok;
  }
  const shown = (p: Problem) => ({ ...p, file: displayPath(context.cwd, dir, p.file) });
  for (const problem of problems) context.stdout(`${formatProblem(shown(problem))}\n`);
  const resources = Object.keys(repo.policy?.data.resources ?? {}).length;
  const summary = `${repo.grantPaths.length} grant files, ${resources} resources`;
  context.stdout(
    errors > 0
      ? `\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${summary})\n`
      : `ok: ${summary}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`,
  );
  return errors > 0 ? EXIT.problem : EXIT.ok;
}

/** A repository path as the user can open it from where they ran the command. */
export function displayPath(cwd: string, dir: string, file: string): string {
  return relative(cwd, resolve(cwd, dir, file)) || file;
}
