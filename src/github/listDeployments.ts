import type { Octokit } from '@octokit/rest';
import { parseRfc3339 } from '../core/time/index.js';
import { GitHubError, toGitHubError } from './githubError.js';
import type { RepoId } from './port.js';

/** The slice of Octokit that lists deployments. */
export type DeploymentLister = Pick<Octokit, 'request'>;

/** A deployment as the throttle needs it. */
export interface DeploymentRecord {
  id: number;
  /** Epoch milliseconds. */
  createdAt: number;
  sha: string;
  task: string;
  /** Login of who created it (for workflow jobs: the actor who started the run). */
  creator: string | undefined;
}

/** GitHub's largest page. */
const PER_PAGE = 100;
/** A safety stop: more pages than this inside one window means the limit itself is unusable. */
export const MAX_DEPLOYMENT_PAGES = 10;

function toRecord(item: unknown, what: string): DeploymentRecord {
  const d = item as Record<string, unknown> | null;
  const createdAt = typeof d?.created_at === 'string' ? parseRfc3339(d.created_at) : undefined;
  if (typeof d?.id !== 'number' || createdAt === undefined) {
    const message = `grantops: ${what} returned a deployment without a numeric id and an RFC 3339 created_at`;
    throw new GitHubError(message, 'invalid', undefined, false);
  }
  const creator = (d.creator as { login?: unknown } | null | undefined)?.login;
  return {
    id: d.id,
    createdAt,
    sha: typeof d.sha === 'string' ? d.sha : '',
    task: typeof d.task === 'string' ? d.task : '',
    creator: typeof creator === 'string' ? creator : undefined,
  };
}

/**
 * The recent deployments of a repository to an environment, newest first, read page by page only as
 * far as the throttle needs: GitHub lists deployments newest first, so reading stops at a short page,
 * at a page whose oldest deployment is at or before `since`, or once `enough` deployments after
 * `since` are known (the limit is reached whatever older ones say). With `enough` up to 100 that is
 * one call. Past {@link MAX_DEPLOYMENT_PAGES} it throws rather than undercount.
 */
export async function listDeployments(
  octokit: DeploymentLister,
  params: { repo: RepoId; environment: string; since: number; enough: number },
): Promise<{ deployments: DeploymentRecord[]; requests: number }> {
  const { repo, environment, since, enough } = params;
  const what = `listing the deployments of ${repo.owner}/${repo.repo} to ${environment}`;
  const deployments: DeploymentRecord[] = [];
  for (let page = 1; page <= MAX_DEPLOYMENT_PAGES; page++) {
    let data: unknown;
    try {
      ({ data } = await octokit.request('GET /repos/{owner}/{repo}/deployments', {
        owner: repo.owner,
        repo: repo.repo,
        environment,
        per_page: PER_PAGE,
        page,
      }));
    } catch (error) {
      throw toGitHubError(error, what);
    }
    if (!Array.isArray(data))
      throw new GitHubError(`grantops: ${what} did not return a list`, 'invalid', undefined, false);
    const records = data.map((item) => toRecord(item, what));
    deployments.push(...records);
    const recent = deployments.filter((d) => d.createdAt > since).length;
    const oldest = records[records.length - 1];
    if (records.length < PER_PAGE || oldest === undefined || oldest.createdAt <= since || recent >= enough)
      return { deployments, requests: page };
  }
  const message = `grantops: ${what}: more than ${MAX_DEPLOYMENT_PAGES * PER_PAGE} deployments in the window, too many to count; lower max_deploys.count or its window`;
  throw new GitHubError(message, 'invalid', undefined, false);
}
