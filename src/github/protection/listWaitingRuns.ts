import { parseRfc3339 } from '../../core/time/index.js';
import { GitHubError, toGitHubError } from '../githubError.js';
import type { RepoId } from '../port.js';
import type { ProtectionClient } from './callProtectionCallback.js';
import type { WaitingRun } from './protectionPort.js';

interface RawRun {
  id?: unknown;
  head_sha?: unknown;
  actor?: { login?: unknown } | null;
  triggering_actor?: { login?: unknown } | null;
  run_started_at?: unknown;
  created_at?: unknown;
}

const login = (user: { login?: unknown } | null | undefined): string | undefined =>
  typeof user?.login === 'string' ? user.login : undefined;

function toWaitingRun(raw: RawRun, what: string): WaitingRun {
  const started = typeof raw.run_started_at === 'string' ? raw.run_started_at : raw.created_at;
  const startedAt = typeof started === 'string' ? parseRfc3339(started) : undefined;
  if (typeof raw.id !== 'number' || startedAt === undefined)
    throw new GitHubError(
      `grantops: ${what} returned a run without a numeric id and an RFC 3339 start time`,
      'invalid',
      undefined,
      false,
    );
  return {
    id: raw.id,
    headSha: typeof raw.head_sha === 'string' ? raw.head_sha : '',
    actor: login(raw.actor),
    triggeringActor: login(raw.triggering_actor),
    startedAt,
  };
}

/**
 * The repository's workflow runs waiting on protection rules (`status=waiting`), newest first, in
 * one call of at most `limit` (up to 100) runs
 * (https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository).
 */
export async function listWaitingRuns(
  octokit: ProtectionClient,
  repo: RepoId,
  limit: number,
): Promise<WaitingRun[]> {
  const what = `listing the waiting workflow runs of ${repo.owner}/${repo.repo}`;
  let runs: unknown;
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs', {
      ...repo,
      status: 'waiting',
      exclude_pull_requests: true,
      per_page: Math.min(Math.max(1, limit), 100),
    });
    runs = (data as { workflow_runs?: unknown }).workflow_runs;
  } catch (error) {
    throw toGitHubError(error, `${what} (the App needs the actions: read permission)`);
  }
  if (!Array.isArray(runs))
    throw new GitHubError(`grantops: ${what} did not return workflow_runs`, 'invalid', undefined, false);
  return runs.map((raw) => toWaitingRun(raw as RawRun, what));
}
