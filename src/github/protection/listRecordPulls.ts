import { GitHubError, toGitHubError } from '../githubError.js';
import type { ProtectionClient } from './callProtectionCallback.js';
import type { RepoId } from '../port.js';

/** A pull request that may carry a grant record: its number and body. */
export interface RecordPull {
  number: number;
  body: string;
}

/**
 * The pull requests (open or closed) from `branch` of the repository into its default branch,
 * newest first, in one call: `GET /pulls?head=owner:branch&state=all`. The default branch is read
 * from each pull's `base.repo.default_branch`, so no call is spent to learn it; a pull into
 * another branch is left out (grantops only opens reverting PRs into the default branch)
 * (https://docs.github.com/rest/pulls/pulls#list-pull-requests).
 */
export async function listRecordPulls(
  octokit: ProtectionClient,
  repo: RepoId,
  branch: string,
): Promise<RecordPull[]> {
  const what = `finding the grant record of ${branch} in ${repo.owner}/${repo.repo}`;
  let data: unknown;
  try {
    ({ data } = await octokit.request('GET /repos/{owner}/{repo}/pulls', {
      ...repo,
      head: `${repo.owner}:${branch}`,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 10,
    }));
  } catch (error) {
    throw toGitHubError(error, `${what} (the App needs pull_requests: read on the grants repository)`);
  }
  if (!Array.isArray(data))
    throw new GitHubError(`grantops: ${what} did not return a list`, 'invalid', undefined, false);
  return data.flatMap((item) => {
    const p = item as {
      number?: unknown;
      body?: unknown;
      base?: { ref?: unknown; repo?: { default_branch?: unknown } | null } | null;
    } | null;
    const base = p?.base;
    const intoDefault = typeof base?.ref === 'string' && base.ref === base.repo?.default_branch;
    if (typeof p?.number !== 'number' || !intoDefault) return [];
    return [{ number: p.number, body: typeof p.body === 'string' ? p.body : '' }];
  });
}
