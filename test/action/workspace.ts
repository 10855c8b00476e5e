import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXAMPLE_REPO, tempRepo } from '../helpers/tempRepo.js';

/** Wednesday 2026-11-25, 13:00 in Berlin: no freeze window of the example policy is active. */
export const WEDNESDAY = '2026-11-25T12:00:00Z';
/** Saturday 2026-11-28, 11:00 in Berlin: inside the example policy's `weekend` freeze. */
export const SATURDAY = '2026-11-28T10:00:00Z';

/** A grant file's text. */
export const grantText = (params: { grantee: string; resource: string; expires: string; starts?: string }) =>
  `grantee: ${params.grantee}\nresource: ${params.resource}\nreason: "Release 2026.48"\n` +
  `${params.starts ? `starts: ${params.starts}\n` : ''}expires: ${params.expires}\n`;

/**
 * A runner workspace with the example grants repo checked out at `grants/` plus the given grant files
 * (paths inside the grants repo), and other files at the workspace root.
 */
export function workspaceWith(grants: Record<string, string>, files: Record<string, string> = {}): string {
  const dir = tempRepo(files);
  cpSync(EXAMPLE_REPO, join(dir, 'grants'), { recursive: true });
  for (const [path, text] of Object.entries(grants)) {
    mkdirSync(dirname(join(dir, 'grants', path)), { recursive: true });
    writeFileSync(join(dir, 'grants', path), text);
  }
  return dir;
}

/** The runner variables of a push to main by `actor`. */
export const runnerEnv = (workspace: string, actor = 'alice'): Record<string, string> => ({
  GITHUB_WORKSPACE: workspace,
  GITHUB_ACTOR: actor,
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '42',
});
