import type { RepoId } from '../../src/github/port.js';

/** What the runner tells the step about the run, from its `GITHUB_*` variables. */
export interface RunnerContext {
  /** GITHUB_ACTOR: who started the run (empty when unset: the grant rule then fails). */
  actor: string;
  /** GITHUB_TRIGGERING_ACTOR: who re-ran it, when that differs. */
  triggeringActor: string | undefined;
  /** GITHUB_REPOSITORY: the repository the workflow runs in (its deployments feed max_deploys). */
  repository: RepoId | undefined;
  /** GITHUB_SHA: the commit being deployed. */
  sha: string | undefined;
  apiUrl: string;
  /** A link to the run, for alerts. */
  runUrl: string | undefined;
  /** GITHUB_WORKSPACE: where relative paths start. */
  workspace: string;
}

/**
 * Reads the runner's default variables
 * (https://docs.github.com/actions/reference/variables-reference#default-environment-variables).
 */
export function readRunnerContext(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): RunnerContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const triggering = env.GITHUB_TRIGGERING_ACTOR?.trim();
  return {
    actor: env.GITHUB_ACTOR?.trim() ?? '',
    triggeringActor: triggering ? triggering : undefined,
    repository: owner && repo ? { owner, repo } : undefined,
    sha: env.GITHUB_SHA || undefined,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl:
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    workspace: env.GITHUB_WORKSPACE || cwd,
  };
}
