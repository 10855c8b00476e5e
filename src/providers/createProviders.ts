import type { ProviderName } from '../core/types.js';
import { createEnvironmentProvider, type ActiveGrantRef } from './environment/createEnvironmentProvider.js';
import { createGithubRepoProvider } from './githubRepo/createGithubRepoProvider.js';
import type { RepoOctokit } from './githubRepo/repoOctokit.js';
import { createGithubTeamProvider } from './githubTeam/createGithubTeamProvider.js';
import type { TeamOctokit } from './githubTeam/teamOctokit.js';
import type { Provider } from './provider.js';
import { createWebhookProvider, type WebhookProviderOptions } from './webhook/createWebhookProvider.js';

/** Everything the four providers need, for one installation at one moment. */
export interface ProviderDependencies {
  /** The installation's Octokit (a real one fits both slices). */
  octokit: TeamOctokit & RepoOctokit;
  /** The installation's organization: the default `org` of github-team resources. */
  org: string;
  /** The grants active now, read by the environment provider. */
  activeGrants: readonly ActiveGrantRef[];
  /** Where webhook secrets are looked up (`process.env` at the edge). */
  env: WebhookProviderOptions['env'];
  fetch?: WebhookProviderOptions['fetch'];
  webhookTimeoutMs?: number;
}

/** One provider per `provider` value of access.yml, sharing the given dependencies. */
export function createProviders(deps: ProviderDependencies): Record<ProviderName, Provider> {
  return {
    'github-team': createGithubTeamProvider({ octokit: deps.octokit, org: deps.org }),
    'github-repo': createGithubRepoProvider({ octokit: deps.octokit }),
    environment: createEnvironmentProvider({ activeGrants: deps.activeGrants }),
    webhook: createWebhookProvider({ env: deps.env, fetch: deps.fetch, timeoutMs: deps.webhookTimeoutMs }),
  };
}
