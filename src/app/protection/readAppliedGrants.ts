import type { Logger } from 'pino';
import { newestSealedRecord, revertBranch, type RecordSeal } from '../../core/lifecycle/index.js';
import { GitHubError } from '../../github/githubError.js';
import type { RepoId } from '../../github/port.js';
import type { ProtectionPort } from '../../github/protection/protectionPort.js';

/** Whether each grant file was applied, by file, for the length of one sweep (no module state). */
export type RecordMemo = Map<string, Promise<boolean>>;

/**
 * Record states that mean grantops accepted this grant file after an approved PR: `applied` and
 * `pending` (an invitation sent), and `scheduled`: merged with a later `starts`, which the engine
 * checks against the file (whose blob the record names); the sweep only flips it to `applied` when
 * it starts, and for an `environment` resource that changes nothing on GitHub.
 */
const ACCEPTED = new Set(['applied', 'pending', 'scheduled']);

async function isApplied(params: {
  port: ProtectionPort;
  grantsRepo: RepoId;
  seal: RecordSeal;
  file: string;
  blob: string | undefined;
  log: Pick<Logger, 'warn'>;
}): Promise<boolean> {
  const { grantsRepo, file, blob, log } = params;
  const branch = revertBranch(file);
  const scope = { seal: params.seal, repo: `${grantsRepo.owner}/${grantsRepo.repo}` };
  try {
    const pulls = await params.port.listRecordPulls(grantsRepo, branch);
    const { pull, record, forged } = newestSealedRecord(pulls, scope, (r) => r.file === file);
    if (pull && record) {
      const applied = blob !== undefined && record.blob === blob && ACCEPTED.has(record.state);
      if (!applied)
        log.warn(
          { file, pull: pull.number, state: record.state, blobMatches: record.blob === blob },
          `grant ${file} does not match what grantops applied (record of #${pull.number}); it does not count`,
        );
      return applied;
    }
    log.warn(
      { file, branch, forged },
      `grant ${file} is on the default branch but grantops holds no sealed record of it; it does not count`,
    );
    return false;
  } catch (error) {
    if (!(error instanceof GitHubError) || error.retryable) throw error;
    log.warn({ err: error, file }, `grant record of ${file} unreadable; the grant does not count`);
    return false;
  }
}

/**
 * The files among `files` that grantops applied: the newest sealed record on the grant's reverting
 * branch (`revertBranch(file)`, PRs into the default branch, open or closed) is about this file,
 * names the git blob of the file as read (`blobs`) and is `applied`, `pending` or `scheduled`. One
 * call per file, none for a file already in `memo`. A grant pushed straight to the default branch,
 * or edited there, has no such record. An unreadable record (4xx) counts as none; a failure GitHub
 * may recover from is thrown, so the deployment keeps waiting and the sweep decides it.
 */
export async function readAppliedGrants(params: {
  port: ProtectionPort;
  grantsRepo: RepoId;
  seal: RecordSeal;
  files: readonly string[];
  blobs: ReadonlyMap<string, string>;
  memo?: RecordMemo;
  log: Pick<Logger, 'warn'>;
}): Promise<string[]> {
  const memo = params.memo ?? new Map<string, Promise<boolean>>();
  const verified: string[] = [];
  for (const file of params.files) {
    let applied = memo.get(file);
    if (!applied) {
      applied = isApplied({ ...params, file, blob: params.blobs.get(file) });
      memo.set(file, applied);
    }
    if (await applied) verified.push(file);
  }
  return verified;
}
