import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { renderGrant } from '../../config/renderGrant.js';
import { buildGrant, grantFileName } from '../../core/buildGrant.js';
import { grantFilePath } from '../../core/grantPath.js';
import { formatProblem, hasErrors } from '../../core/problem.js';
import { parseDuration, parseRfc3339 } from '../../core/time/index.js';
import type { Grant } from '../../core/types.js';
import { EXIT, IoError, UsageError, type CliContext } from '../cliContext.js';
import { checkNewGrant } from '../checkNewGrant.js';
import { loadCheckout } from '../loadCheckout.js';
import { parseOptions } from '../parseOptions.js';
import { openRequestPullRequest, readRemoteRepo } from '../remoteRequest.js';

export const requestUsage =
  'grantops request RESOURCE --for DURATION --reason TEXT [--grantee LOGIN] [--ticket T] [--role ROLE] [--starts TIME] [--emergency] [--dir DIR | --open-pr --repo OWNER/NAME]';

const OPTIONS = {
  for: { type: 'string' },
  reason: { type: 'string' },
  grantee: { type: 'string' },
  ticket: { type: 'string' },
  role: { type: 'string' },
  starts: { type: 'string' },
  emergency: { type: 'boolean' },
  dir: { type: 'string' },
  'open-pr': { type: 'boolean' },
  repo: { type: 'string' },
} as const;

/** Reads the request from the arguments: what is asked, by whom, for how long. */
function readRequest(args: readonly string[], context: CliContext) {
  const { values, positionals } = parseOptions(args, OPTIONS);
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
  if (values['open-pr'] && !values.repo)
    throw new UsageError('--open-pr needs --repo OWNER/NAME (the grants repository)');
  if (values.repo && !values['open-pr']) throw new UsageError('--repo is used with --open-pr');
  if (values['open-pr'] && values.dir)
    throw new UsageError('give --dir (write a file) or --open-pr (open a pull request), not both');
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
  return { grant, now, file: grantFilePath(resource, grantFileName(grant, now)), values };
}

/**
 * `grantops request`: builds a grant file at grants/<resource>/<grantee>-<time>.yml, but only once
 * the whole repository, with the new file in it, validates: what is written is what is checked.
 * It writes the file into a checkout (`--dir`), or opens the pull request itself (`--open-pr`).
 */
export async function request(args: readonly string[], context: CliContext): Promise<number> {
  const { grant, now, file, values } = readRequest(args, context);
  const text = renderGrant(grant);
  const remote = values['open-pr'] ? await readRemoteRepo(context, values.repo!) : undefined;
  const dir = resolve(context.cwd, values.dir ?? '.');
  const repo = remote ? remote.repo : await loadCheckout(dir);
  const problems = checkNewGrant(repo, file, text, now);
  for (const problem of problems) context.stderr(`${formatProblem(problem)}\n`);
  if (hasErrors(problems)) {
    context.stderr(`\nnot ${remote ? 'opened' : 'written'}: fix the request (or the policy) and try again\n`);
    return EXIT.problem;
  }
  if (remote) {
    const number = await openRequestPullRequest(remote, { file, text, grant: grant as Grant });
    context.stdout(
      `opened pull request #${number} on ${values.repo} with ${file}\n${text}\nIts code owners approve it by reviewing; grantops judges it in a check run.\n`,
    );
    return EXIT.ok;
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
