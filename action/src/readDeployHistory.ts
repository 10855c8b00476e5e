import { listDeployments, type DeploymentRecord } from '../../src/github/listDeployments.js';
import type { GitHubClient } from './createGitHubClient.js';
import { describeApiFailure } from './describeApiFailure.js';
import type { RunnerContext } from './runnerContext.js';

/** The history the max_deploys rule counts, or why there is none (the rule then fails closed). */
export interface DeployHistory {
  deployments: { createdAt: number }[] | undefined;
  /** Set when the history could not be read: what happened and how to fix it. */
  problem?: string;
  /** The deployment GitHub created for this very job, when one was recognised and left out. */
  ownDeploymentId?: number;
}

/**
 * The deployment GitHub Actions created for the running job, if it is in the list: a job with
 * `environment:` gets a deployment of GITHUB_SHA, task `deploy`, created by the run's actor (or the
 * re-runner) before its steps start. The newest such deployment is taken as this job's own; the
 * engine must not count the deploy it is deciding.
 */
export function findOwnDeployment(
  deployments: readonly DeploymentRecord[],
  runner: Pick<RunnerContext, 'sha' | 'actor' | 'triggeringActor'>,
  now: number,
): DeploymentRecord | undefined {
  const logins = new Set(
    [runner.actor, runner.triggeringActor ?? ''].filter(Boolean).map((l) => l.toLowerCase()),
  );
  return deployments
    .filter(
      (d) =>
        runner.sha !== undefined &&
        d.sha === runner.sha &&
        d.task === 'deploy' &&
        d.creator !== undefined &&
        logins.has(d.creator.toLowerCase()) &&
        d.createdAt <= now,
    )
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
}

/**
 * Reads the recent deployments of the workflow's repository to the environment for the max_deploys
 * rule (`count` per `perMs`), leaving out this job's own deployment. Reads at most as many pages as
 * the limit needs: one call while `count` is below 100. Never throws: a failure is reported and the
 * history is left undefined, so the engine fails the rule closed.
 */
export async function readDeployHistory(params: {
  client: (token: string) => Promise<GitHubClient>;
  githubToken: string;
  runner: RunnerContext;
  environment: string;
  limit: { count: number; perMs: number };
  now: number;
}): Promise<DeployHistory> {
  const { runner, environment, limit, now } = params;
  if (!runner.repository)
    return {
      deployments: undefined,
      problem: 'GITHUB_REPOSITORY is not set, so the deployment history cannot be read',
    };
  if (!params.githubToken)
    return {
      deployments: undefined,
      problem: `max_deploys needs the deployment history of ${environment}: pass github-token (the default, \${{ github.token }}, works with permission deployments: read)`,
    };
  const repo = runner.repository;
  try {
    const { octokit } = await params.client(params.githubToken);
    const { deployments } = await listDeployments(octokit, {
      repo,
      environment,
      since: now - limit.perMs,
      enough: limit.count + 1,
    });
    const own = findOwnDeployment(deployments, runner, now);
    return {
      deployments: deployments.filter((d) => d !== own).map((d) => ({ createdAt: d.createdAt })),
      ...(own ? { ownDeploymentId: own.id } : {}),
    };
  } catch (error) {
    const what = `listing the deployments of ${repo.owner}/${repo.repo} to ${environment}`;
    return {
      deployments: undefined,
      problem: describeApiFailure(error, { what, permission: 'deployments: read', input: 'github-token' }),
    };
  }
}
