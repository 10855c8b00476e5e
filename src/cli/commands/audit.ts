import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AuditFailure } from '../../audit/auditFailure.js';
import { collectAudit } from '../../audit/collectAudit.js';
import { createAuditClient } from '../../audit/createAuditClient.js';
import { renderAuditCsv, renderAuditJson, type AuditRange } from '../../core/audit/index.js';
import { formatUtc, parseRfc3339 } from '../../core/time/index.js';
import type { RepoId } from '../../github/port.js';
import { EXIT, IoError, UsageError, type CliContext } from '../cliContext.js';
import { parseOptions } from '../parseOptions.js';

/** The usage line of `grantops audit` (help text and usage errors). */
export const auditUsage =
  'grantops audit --repo OWNER/NAME [--since TIME] [--until TIME] [--format csv|json] [--output FILE]';

const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

/** What one export is asked for. */
interface AuditOptions {
  repo: RepoId;
  range: AuditRange;
  format: 'csv' | 'json';
  output: string | undefined;
  token: string;
  apiUrl: string;
}

function timeOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseRfc3339(value);
  if (parsed === undefined)
    throw new UsageError(`--${name} "${value}" is not an RFC 3339 time such as 2026-11-28T18:00:00Z`);
  return parsed;
}

function readAuditOptions(args: readonly string[], context: CliContext): AuditOptions {
  const { values, positionals } = parseOptions(args, {
    repo: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(values.repo ?? '');
  if (!match) throw new UsageError('--repo OWNER/NAME is required: the grants repository, e.g. acme/access');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format "${format}": use csv or json`);
  const until = timeOption('until', values.until) ?? context.now();
  const since = timeOption('since', values.since) ?? until - DEFAULT_DAYS * DAY_MS;
  if (since > until) throw new UsageError(`--since ${formatUtc(since)} is after --until ${formatUtc(until)}`);
  const token = context.env.GRANTOPS_TOKEN || context.env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError(
      'set GITHUB_TOKEN (or GRANTOPS_TOKEN) to a token that can read the grants repository (issues, pull requests, contents)',
    );
  return {
    repo: { owner: match[1]!, repo: match[2]! },
    range: { since, until },
    format,
    output: values.output,
    token,
    apiUrl: context.env.GITHUB_API_URL || 'https://api.github.com',
  };
}

/**
 * `grantops audit`: who was granted what, who asked, who approved, when it was applied and when
 * revoked, for the grants whose active period overlaps the range (default: the last 30 days),
 * as CSV or JSON. Read from the grants repository's pull requests with a token from the
 * environment; a one-line summary with the number of API calls goes to stderr.
 */
export async function audit(args: readonly string[], context: CliContext): Promise<number> {
  const options = readAuditOptions(args, context);
  const client = createAuditClient({ token: options.token, apiUrl: options.apiUrl });
  const name = `${options.repo.owner}/${options.repo.repo}`;
  let result;
  try {
    result = await collectAudit(
      { octokit: client.octokit, repo: options.repo, apiUrl: options.apiUrl },
      options.range,
    );
  } catch (error) {
    if (error instanceof AuditFailure) throw new IoError(error.message, { cause: error });
    throw error;
  }
  const text =
    options.format === 'json'
      ? renderAuditJson({ repository: name, range: options.range, rows: result.rows })
      : renderAuditCsv(result.rows);
  if (options.output === undefined) context.stdout(text);
  else {
    const path = resolve(context.cwd, options.output);
    await writeFile(path, text).catch((error: NodeJS.ErrnoException) => {
      throw new IoError(`cannot write ${options.output}: ${error.message}`, { cause: error });
    });
  }
  if (result.unreadable.length > 0)
    context.stderr(
      `grantops audit: left out reverting pull requests without a readable grantops record: ${result.unreadable.map((n) => `#${n}`).join(', ')}; check them by hand\n`,
    );
  context.stderr(
    `grantops audit: ${result.rows.length} grant${result.rows.length === 1 ? '' : 's'} of ${name} from ${formatUtc(options.range.since)} to ${formatUtc(options.range.until)}${options.output ? ` written to ${options.output}` : ''}; ${client.calls()} GitHub API calls\n`,
  );
  return EXIT.ok;
}
