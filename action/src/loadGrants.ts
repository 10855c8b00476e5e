import { resolve } from 'node:path';
import { IoError } from '../../src/cli/cliContext.js';
import { readRepoDir } from '../../src/cli/readRepoDir.js';
import { loadGrantsRepo } from '../../src/config/loadGrantsRepo.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';
import type { GrantsRepo } from '../../src/core/grantsRepo.js';
import type { Problem } from '../../src/core/problem.js';
import type { GitHubClient } from './createGitHubClient.js';
import { describeApiFailure } from './describeApiFailure.js';
import type { GrantsSource } from './readInputs.js';

/** The grants repository as read, or the problem that stopped reading it (which blocks). */
export interface LoadedGrants {
  repo: GrantsRepo | undefined;
  readProblems: Problem[];
  /** How to name the source in the summary: the path, or owner/repo@sha. */
  label: string;
}

/**
 * Up to this many files, grant files keep the positions of their one parse: a check looks up the
 * positions of every grant with a warning (offline eligibility) and of the actor's grants, and
 * parsing those files again cost about 12% of a cold start of the example repository. A larger
 * repository keeps positions lazy, as `grantops validate` does: eager positions for 10,000
 * grants held 35% more memory and took 5% longer.
 */
export const EAGER_POSITIONS_UP_TO = 200;

const unreadable = (file: string, code: string, message: string): Problem => ({
  file,
  line: 1,
  col: 1,
  code,
  message,
  severity: 'error',
});

async function readFiles(
  source: GrantsSource,
  params: { workspace: string; client: (token: string) => Promise<GitHubClient> },
): Promise<{
  files: Map<string, Uint8Array> | ReadonlyMap<string, Uint8Array>;
  problems: Problem[];
  label: string;
}> {
  if (source.kind === 'path') {
    const { files, problems } = await readRepoDir(resolve(params.workspace, source.path));
    return { files, problems, label: source.path };
  }
  const name = `${source.owner}/${source.repo}`;
  const { octokit } = await params.client(source.token);
  // Imported here, like Octokit: a check of a checkout never loads the tarball reader (nor zlib).
  const { readRepoSnapshot } = await import('../../src/github/readRepoSnapshot.js');
  const snapshot = await readRepoSnapshot(octokit, { owner: source.owner, repo: source.repo }, source.ref);
  return {
    files: snapshot.files,
    problems: snapshot.problems,
    label: `${name}@${snapshot.sha ?? source.ref ?? 'default branch'}`,
  };
}

/**
 * Reads the grants repository from a checkout (`grants-path`, no API call) or through the API
 * (`grants-repo`, one tarball request). A path or repository that cannot be read becomes an error
 * problem, so the decision fails closed and says how to fix it instead of crashing the step.
 */
export async function loadGrants(
  source: GrantsSource,
  params: { workspace: string; client: (token: string) => Promise<GitHubClient> },
): Promise<LoadedGrants> {
  const name = source.kind === 'path' ? source.path : `${source.owner}/${source.repo}`;
  try {
    const { files, problems, label } = await readFiles(source, params);
    const grantPositions = files.size <= EAGER_POSITIONS_UP_TO ? 'eager' : 'lazy';
    const repo = loadGrantsRepo({
      files,
      validator: createSchemaValidator(),
      grantPositions,
      refused: problems,
    });
    return { repo: { ...repo, problems: [...problems, ...repo.problems] }, readProblems: [], label };
  } catch (error) {
    const detail = (error as Error).message;
    const problem =
      source.kind === 'path'
        ? unreadable(
            source.path,
            'grants-path-unreadable',
            `${error instanceof IoError ? detail : `cannot read grants-path ${source.path}: ${detail}`}; check out the grants repository there (actions/checkout with \`path: ${source.path}\`)`,
          )
        : unreadable(
            name,
            'grants-repo-unreadable',
            describeApiFailure(error, {
              what: `reading grants-repo ${name} at ${source.ref ?? 'its default branch'}`,
              permission: 'contents: read',
              input: 'token',
            }),
          );
    return { repo: undefined, readProblems: [problem], label: name };
  }
}
