import type { Octokit } from '@octokit/rest';

/** The slice of Octokit the adapter uses (Probot's and @octokit/rest's clients both fit). */
export type OctokitClient = Pick<Octokit, 'request' | 'paginate'>;

/** What every adapter function takes first. */
export interface AdapterState {
  octokit: OctokitClient;
  /** The App's id: check runs of other apps with the same name are ignored. */
  appId: number | undefined;
}

/** Options that turn off Octokit's automatic retry for one write that is not idempotent. */
export const NO_RETRY = { request: { retries: 0 } } as const;
