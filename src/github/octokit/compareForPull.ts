import { COMPARE_FILE_LIMIT, type PullCommit, type PullComparison, type RepoId } from '../port.js';
import { GitHubError, toGitHubError } from '../githubError.js';
import type { AdapterState } from './state.js';
import { toChangedFile } from './pulls.js';

const PER_PAGE = 100;

/**
 * Reads what a pull request changes at exactly `headSha`, with one comparison against its base
 * branch (`base...head`, from the merge base, as the pull request's file list shows it). Unlike the
 * pull request's own file and commit lists, which follow its branch, this cannot describe a newer
 * head than the commit the check run is posted on.
 *
 * Paging (https://docs.github.com/rest/commits/commits#compare-two-commits): with `page` or
 * `per_page`, the files (at most 300 for the whole comparison) come on the first page only, and the
 * commits are paged. Later pages compare from the base commit the first page resolved, so a base
 * branch that moves meanwhile cannot mix two comparisons. Fewer commits than `total_commits` fail
 * the read instead of passing a shorter author list.
 */
export async function compareForPull(
  state: AdapterState,
  repo: RepoId,
  baseRef: string,
  headSha: string,
): Promise<PullComparison> {
  const operation = `comparing ${baseRef}...${headSha.slice(0, 7)}`;
  const page = async (basehead: string, n: number) => {
    try {
      const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        ...repo,
        basehead,
        per_page: PER_PAGE,
        page: n,
      });
      return data;
    } catch (error) {
      throw toGitHubError(error, operation);
    }
  };
  const first = await page(`${baseRef}...${headSha}`, 1);
  const raw = [...first.commits];
  for (let n = 2; raw.length < first.total_commits; n++) {
    const next = await page(`${first.base_commit.sha}...${headSha}`, n);
    if (next.commits.length === 0) break;
    raw.push(...next.commits);
  }
  if (raw.length !== first.total_commits)
    throw new GitHubError(
      `grantops: ${operation} failed: GitHub counted ${first.total_commits} commits but listed ${raw.length}; the check is left as it was and the next event or a re-run judges it again`,
      'unavailable',
      undefined,
      true,
    );
  const commits: PullCommit[] = raw.map((c) => ({
    sha: c.sha,
    author: c.author?.login ?? undefined,
    committer: c.committer?.login ?? undefined,
  }));
  if (!first.files)
    throw new GitHubError(
      `grantops: ${operation} failed: GitHub's answer lists no changed files; the check is left as it was and the next event or a re-run judges it again`,
      'unavailable',
      undefined,
      true,
    );
  const files = first.files.map(toChangedFile);
  // GitHub cannot say whether exactly the cap or more changed: both count as incomplete.
  return { files, commits, filesIncomplete: files.length >= COMPARE_FILE_LIMIT };
}
