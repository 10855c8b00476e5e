import type { TeamOctokit } from './teamOctokit.js';

/** What every github-team function needs: an Octokit slice and the installation's org (the default `org`). */
export interface TeamState {
  octokit: TeamOctokit;
  org: string;
}
