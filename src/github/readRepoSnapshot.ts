import type { Octokit } from '@octokit/rest';
import { dropIgnoredCodeowners } from '../config/dropIgnoredCodeowners.js';
import { isRepoFileOfInterest } from '../config/loadGrantsRepo.js';
import { GitHubError, toGitHubError } from './githubError.js';
import { parseTarball } from './parseTarball.js';
import type { RepoId, RepoSnapshot } from './port.js';

/** The slice of Octokit that reads a repository archive. */
export type ArchiveReader = Pick<Octokit, 'request'>;

function toBytes(data: unknown, what: string): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  throw new GitHubError(
    `grantops: ${what} returned ${typeof data === 'string' ? 'text' : typeof data} instead of a gzip archive; is the API URL a GitHub API?`,
    'invalid',
    undefined,
    false,
  );
}

/**
 * Reads the files grantops cares about (access.yml, CODEOWNERS, grants/) from a repository at a ref
 * in one API call: `GET /repos/{owner}/{repo}/tarball/{ref}`, whose redirect to codeload Octokit's
 * fetch follows (https://docs.github.com/rest/repos/contents#download-a-repository-archive-tar).
 * Without `ref` it asks for `HEAD`, which GitHub resolves to the default branch, so the caller needs
 * no extra call to learn it (the route with a ref is the one GitHub documents). Links and oversized
 * files come back as problems, never as files; CODEOWNERS files GitHub ignores are left out (see
 * dropIgnoredCodeowners).
 * Failures are GitHubErrors that name the repository and ref.
 */
export async function readRepoSnapshot(
  octokit: ArchiveReader,
  repo: RepoId,
  ref?: string,
): Promise<RepoSnapshot> {
  const at = ref === undefined || ref === '' ? 'its default branch' : ref;
  const what = `reading ${repo.owner}/${repo.repo} at ${at}`;
  let data: unknown;
  try {
    const response = await octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
      owner: repo.owner,
      repo: repo.repo,
      ref: ref === undefined || ref === '' ? 'HEAD' : ref,
    });
    data = response.data;
  } catch (error) {
    throw toGitHubError(error, what);
  }
  const tarball = parseTarball(toBytes(data, what), isRepoFileOfInterest);
  dropIgnoredCodeowners(tarball.files, tarball.problems);
  return { sha: tarball.commitSha, files: tarball.files, problems: tarball.problems };
}
