import type { Octokit } from '@octokit/rest';

/** An Octokit for one token, and how many API requests it has sent. */
export interface GitHubClient {
  octokit: Pick<Octokit, 'request'>;
  requests: () => number;
}

/** Every API call of one check must finish within this (the runner would otherwise wait on a hung socket). */
export const API_BUDGET_MS = 30_000;

/**
 * Creates an Octokit for `token` against `baseUrl` (GITHUB_API_URL, so GHES works), counting its
 * requests for the job summary. Octokit is imported here, on first use, so a check that reads the
 * grants from a checkout and needs no deployment history never loads it.
 */
export async function createGitHubClient(params: { token: string; baseUrl: string }): Promise<GitHubClient> {
  const { Octokit } = await import('@octokit/rest');
  const octokit = new Octokit({
    auth: params.token,
    baseUrl: params.baseUrl,
    userAgent: 'grantops-action',
    request: { signal: AbortSignal.timeout(API_BUDGET_MS) },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  let requests = 0;
  octokit.hook.before('request', () => {
    requests += 1;
  });
  return { octokit, requests: () => requests };
}
