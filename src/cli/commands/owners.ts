import { lstat, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CODEOWNERS_PATHS, ownersOf, parseCodeowners } from '../../core/codeowners/index.js';
import { formatProblem } from '../../core/problem.js';
import { EXIT, IoError, UsageError, type CliContext } from '../cliContext.js';
import { parseOptions } from '../parseOptions.js';
import { READ_MAX_BYTES } from '../readRepoDir.js';

export const ownersUsage = 'grantops owners [--repo DIR | --codeowners FILE] [--json] PATH...';

async function readCodeowners(context: CliContext, repo: string | undefined, file: string | undefined) {
  const candidates = file
    ? [resolve(context.cwd, file)]
    : CODEOWNERS_PATHS.map((p) => join(resolve(context.cwd, repo ?? '.'), p));
  // GitHub uses the first location that exists, whatever it holds: never fall back past it.
  for (const candidate of candidates) {
    const info = await lstat(candidate).catch(() => undefined);
    if (!info) continue;
    if (!info.isFile()) {
      throw new IoError(
        `${candidate} is not a regular file (a symbolic link or a folder); it is the CODEOWNERS location GitHub uses, so no file has code owners: commit the file itself`,
      );
    }
    if (info.size > READ_MAX_BYTES) {
      throw new IoError(`${candidate} is ${info.size} bytes; GitHub ignores CODEOWNERS files over 3 MB`);
    }
    return { file: candidate, text: await readFile(candidate, 'utf8') };
  }
  throw new IoError(
    file
      ? `cannot read ${file}`
      : `no CODEOWNERS in ${repo ?? '.'} (looked in ${CODEOWNERS_PATHS.join(', ')})`,
  );
}

/**
 * `grantops owners`: who must approve each path, by GitHub's rules (last matching rule wins).
 * Exit 1 when a path has no owner: a grant there could never be approved.
 */
export async function owners(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    repo: { type: 'string' },
    codeowners: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.repo && values.codeowners) throw new UsageError('give --repo or --codeowners, not both');
  if (positionals.length === 0) throw new UsageError('name at least one PATH');
  const source = await readCodeowners(context, values.repo, values.codeowners);
  const codeowners = parseCodeowners(source);
  for (const problem of codeowners.problems) context.stderr(`${formatProblem(problem)}\n`);
  const result: Record<string, string[]> = {};
  for (const path of positionals) result[path] = ownersOf(codeowners, path.replace(/^\.?\//, '')).owners;
  if (values.json) context.stdout(`${JSON.stringify(result)}\n`);
  else
    for (const [path, list] of Object.entries(result))
      context.stdout(`${path}: ${list.length > 0 ? list.join(' ') : '(no owner)'}\n`);
  return Object.values(result).some((list) => list.length === 0) ? EXIT.problem : EXIT.ok;
}
