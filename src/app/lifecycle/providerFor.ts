import type { Grant, ProviderName } from '../../core/types.js';
import { createEnvironmentProvider } from '../../providers/environment/createEnvironmentProvider.js';
import { createGithubRepoProvider } from '../../providers/githubRepo/createGithubRepoProvider.js';
import type { RepoOctokit } from '../../providers/githubRepo/repoOctokit.js';
import { createGithubTeamProvider } from '../../providers/githubTeam/createGithubTeamProvider.js';
import type { TeamOctokit } from '../../providers/githubTeam/teamOctokit.js';
import type { Provider } from '../../providers/provider.js';
import { createWebhookProvider } from '../../providers/webhook/createWebhookProvider.js';

/** The Octokit the providers call (the installation's). */
export type ProviderClient = TeamOctokit & RepoOctokit;

/** The provider that applies and revokes a resource's grants. */
export function providerFor(params: {
  provider: ProviderName;
  client: ProviderClient;
  org: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Grants active now (for the environment provider, whose only state is the grant itself). */
  activeGrants: readonly Pick<Grant, 'grantee' | 'resource'>[];
  clock: () => number;
}): Provider {
  switch (params.provider) {
    case 'github-team':
      return createGithubTeamProvider({ octokit: params.client, org: params.org });
    case 'github-repo':
      return createGithubRepoProvider({ octokit: params.client });
    case 'environment':
      return createEnvironmentProvider({ activeGrants: params.activeGrants });
    case 'webhook':
      return createWebhookProvider({ env: params.env, clock: params.clock });
  }
}
