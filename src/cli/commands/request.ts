import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadYaml } from '../../config/loadYaml.js';
import { renderGrant } from '../../config/renderGrant.js';
import { createSchemaValidator } from '../../config/schemaValidator.js';
import { buildGrant, grantFileName } from '../../core/buildGrant.js';
import { grantFilePath } from '../../core/grantPath.js';
import { formatProblem, hasErrors, type Problem } from '../../core/problem.js';
import { parseDuration, parseRfc3339 } from '../../core/time/index.js';
import { validateRepo } from '../../core/validateRepo.js';
import { EXIT, IoError, UsageError, type CliContext } from '../cliContext.js';
import { loadCheckout } from '../loadCheckout.js';
import { parseOptions } from '../parseOptions.js';

export const requestUsage =
  'grantops request RESOURCE --for DURATION --reason TEXT [--grantee LOGIN] [--ticket T] [--role ROLE] [--starts TIME] [--emergency] [--dir DIR]';

/**
 * `grantops request`: writes a grant file at grants/<resource>/<grantee>-<time>.yml, but only once
 * the whole repository, with the new file in it, validates: what is written is what is checked.
 */
export async function request(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    for: { type: 'string' },
    reason: { type: 'string' },
    grantee: { type: 'string' },
    ticket: { type: 'string' },
    role: { type: 'string' },
    starts: { type: 'string' },
    emergency: { type: 'boolean' },
    dir: { type: 'string' },
  });
  const resource = positionals[0];
  if (!resource || positionals.length > 1) throw new UsageError('name exactly one RESOURCE');
  if (!values.for) throw new UsageError('--for DURATION is required, e.g. --for 2h');
  const durationMs = parseDuration(values.for);
  if (durationMs === undefined)
    throw new UsageError(`--for "${values.for}" is not a duration like 30m, 2h or 1h30m`);
  if (!values.reason) throw new UsageError('--reason TEXT is required: say why you need the access');
  const grantee = values.grantee ?? context.env.GRANTOPS_USER ?? context.env.GITHUB_ACTOR;
  if (!grantee) throw new UsageError('--grantee LOGIN is required (or set GRANTOPS_USER)');
  const startsAt = values.starts === undefined ? undefined : parseRfc3339(values.starts);
  if (values.starts !== undefined && startsAt === undefined)
    throw new UsageError(`--starts "${values.starts}" is not an RFC 3339 time`);
  const now = context.now();
  const grant = buildGrant(
    {
      resource,
      grantee,
      durationMs,
      reason: values.reason,
      ...(values.ticket ? { ticket: values.ticket } : {}),
      ...(values.role ? { role: values.role } : {}),
      ...(startsAt !== undefined ? { startsAt } : {}),
      ...(values.emergency ? { emergency: true } : {}),
    },
    now,
  );
  const dir = resolve(context.cwd, values.dir ?? '.');
  const file = grantFilePath(resource, grantFileName(grant, now));
  const text = renderGrant(grant);
  const problems = await checkNewGrant(dir, file, text, now);
  for (const problem of problems) context.stderr(`${formatProblem(problem)}\n`);
  if (hasErrors(problems)) {
    context.stderr('\nnot written: fix the request (or the policy) and try again\n');
    return EXIT.problem;
  }
  await mkdir(dirname(join(dir, file)), { recursive: true });
  await writeFile(join(dir, file), text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw new IoError(
      error.code === 'EEXIST' ? `${file} already exists` : `cannot write ${file}: ${error.message}`,
      { cause: error },
    );
  });
  context.stdout(
    `wrote ${file}\n${text}\nNext: commit it on a new branch and open a pull request; the code owners of ${file} approve it.\n`,
  );
  return EXIT.ok;
}

/** Validates the repository as it will be with the new file, and returns the problems that concern the new file or the policy. */
async function checkNewGrant(dir: string, file: string, text: string, now: number): Promise<Problem[]> {
  const repo = await loadCheckout(dir);
  const parsed = loadYaml({ file, text });
  if (!parsed.ok) return parsed.problems;
  const checked = createSchemaValidator().grant(parsed.source);
  if (!checked.source) return checked.problems;
  const withNew = {
    ...repo,
    grants: [...repo.grants, checked.source],
    grantPaths: [...repo.grantPaths, file],
  };
  return validateRepo({ repo: withNew, now }).filter(
    (p) =>
      p.file === file ||
      (p.file === 'access.yml' && p.severity === 'error') ||
      p.code === 'repo-no-codeowners' ||
      p.code === 'repo-no-policy',
  );
}
