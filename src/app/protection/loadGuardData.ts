import { guardDataOf, type GuardData } from '../../cli/guardDataOf.js';
import { loadGrantsRepo } from '../../config/loadGrantsRepo.js';
import type { Logger } from 'pino';
import type { SchemaValidator } from '../../config/schemaValidator.js';
import type { Problem } from '../../core/problem.js';
import { gitBlobSha } from '../../github/gitBlobSha.js';
import { GitHubError } from '../../github/githubError.js';
import type { RepoId } from '../../github/port.js';
import type { ProtectionPort } from '../../github/protection/protectionPort.js';

/** The grants as the engine takes them, and the commit they were read at. */
export interface LoadedGuardData extends GuardData {
  /** `owner/name@sha` of the grants repository (or `owner/name` when it could not be read). */
  label: string;
  /** The git blob SHA of each grant file as read: what its sealed record must name. */
  blobs: ReadonlyMap<string, string>;
}

function unreadable(grantsRepo: RepoId, error: GitHubError): Problem {
  const name = `${grantsRepo.owner}/${grantsRepo.repo}`;
  const fix =
    error.kind === 'not-found' || error.kind === 'forbidden'
      ? `install the grantops App on ${name} with contents: read, or set GRANTOPS_GRANTS_REPO to the repository that holds access.yml`
      : 'fix the repository, then re-run the deployment';
  return {
    file: name,
    line: 1,
    col: 1,
    code: 'grants-repo-unreadable',
    message: `cannot read the grants repository ${name} (GitHub answered ${error.status ?? error.kind}); ${fix}`,
    severity: 'error',
  };
}

/**
 * Reads the grants repository's default branch (one tarball call) and prepares it for the engine
 * at `now`, with the git blob of each grant file (checked against its sealed record before it
 * counts): only grants without errors count, and any problem with the policy, CODEOWNERS or the
 * read itself blocks every decision (fail closed). A failure GitHub may recover from (5xx, rate
 * limit) is thrown instead, so the deployment keeps waiting and the sweep decides it later.
 */
export async function loadGuardData(params: {
  port: ProtectionPort;
  grantsRepo: RepoId;
  now: number;
  validator: SchemaValidator;
  log: Pick<Logger, 'warn'>;
}): Promise<LoadedGuardData> {
  const { port, grantsRepo, now, validator } = params;
  const name = `${grantsRepo.owner}/${grantsRepo.repo}`;
  try {
    const snapshot = await port.readDefaultBranch(grantsRepo);
    const loaded = loadGrantsRepo({ files: snapshot.files, validator, refused: snapshot.problems });
    const repo = { ...loaded, problems: [...snapshot.problems, ...loaded.problems] };
    const data = guardDataOf({ repo, now });
    const blobs = new Map(
      data.grants.flatMap((g) => {
        const bytes = snapshot.files.get(g.file);
        return bytes ? [[g.file, gitBlobSha(bytes)] as const] : [];
      }),
    );
    return { ...data, label: `${name}@${snapshot.sha ?? 'default branch'}`, blobs };
  } catch (error) {
    if (!(error instanceof GitHubError) || error.retryable) throw error;
    params.log.warn(
      { err: error, grantsRepo: name },
      'grants repository unreadable; deployments fail closed',
    );
    return {
      ...guardDataOf({ repo: undefined, now, readProblems: [unreadable(grantsRepo, error)] }),
      label: name,
      blobs: new Map(),
    };
  }
}
