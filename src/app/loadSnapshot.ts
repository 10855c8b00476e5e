import { loadGrantsRepo } from '../config/loadGrantsRepo.js';
import type { SchemaValidator } from '../config/schemaValidator.js';
import type { GrantsRepo } from '../core/grantsRepo.js';
import type { GitHubPort, RepoId } from '../github/port.js';

/** An empty repository, for kinds of change that need no files read. */
export const EMPTY_REPO: GrantsRepo = {
  policy: undefined,
  grants: [],
  codeowners: undefined,
  grantPaths: [],
  problems: [],
};

/** Reads and parses the grants repository at a ref in O(1) API calls. */
export async function loadSnapshot(
  port: GitHubPort,
  repo: RepoId,
  ref: string,
  validator: SchemaValidator,
): Promise<GrantsRepo & { sha: string | undefined }> {
  const snapshot = await port.readRepo(repo, ref);
  const loaded = loadGrantsRepo({ files: snapshot.files, validator, refused: snapshot.problems });
  return { ...loaded, problems: [...snapshot.problems, ...loaded.problems], sha: snapshot.sha };
}
