import { loadYaml } from '../config/loadYaml.js';
import { grantFactsOf, type GrantFacts } from '../core/audit/index.js';
import { readOrMissing } from './auditFailure.js';
import type { AuditState } from './auditState.js';

/**
 * Reads a grant file's content by its git blob SHA (one call), as recorded when it was applied.
 * Blobs are immutable and outlive the file's deletion, so this is exactly what was approved and
 * applied. A blob that is gone, or content that no longer parses, gives no facts.
 */
export async function readGrantFacts(state: AuditState, file: string, sha: string): Promise<GrantFacts> {
  const blob = await readOrMissing(state, `reading ${file} (blob ${sha.slice(0, 7)})`, async () => {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      ...state.repo,
      file_sha: sha,
    });
    return data;
  });
  if (!blob) return {};
  const text = Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  const parsed = loadYaml({ file, text });
  return parsed.ok ? grantFactsOf(parsed.source.data) : {};
}
