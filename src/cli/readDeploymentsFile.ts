import { parseRfc3339 } from '../core/time/index.js';
import { IoError } from './cliContext.js';
import { readJsonFile } from './readJsonFile.js';

/** How to get a history file, shown when one is missing or malformed. */
export function deploymentsFileHint(environment: string): string {
  return `gh api "repos/OWNER/REPO/deployments?environment=${encodeURIComponent(environment)}&per_page=100" > deployments.json`;
}

/**
 * Reads the deployment history for the max_deploys rule: a JSON array of objects with an RFC 3339
 * `created_at`, which is the shape of GitHub's list-deployments response, so its output can be
 * saved as is. Any unreadable entry fails the whole file: a history with holes could undercount.
 */
export async function readDeploymentsFile(
  path: string,
  environment: string,
): Promise<{ createdAt: number }[]> {
  const data = await readJsonFile(path, '--deployments-file');
  const fix = `give a JSON array of {"created_at": "2026-11-27T12:00:00Z"}, e.g. ${deploymentsFileHint(environment)}`;
  if (!Array.isArray(data)) throw new IoError(`--deployments-file ${path} is not a JSON array: ${fix}`);
  return data.map((item: unknown, index) => {
    const text = (item as { created_at?: unknown } | null)?.created_at;
    const createdAt = typeof text === 'string' ? parseRfc3339(text) : undefined;
    if (createdAt === undefined)
      throw new IoError(
        `--deployments-file ${path}: entry ${index} has no RFC 3339 created_at (found ${JSON.stringify(text)}): ${fix}`,
      );
    return { createdAt };
  });
}
