import { ProviderError } from '../providerError.js';
import type { ResourceTarget } from '../provider.js';

/** A team on GitHub. */
export interface TeamLocation {
  resourceName: string;
  org: string;
  team: string;
}

/** Where a github-team resource points: its `team` in its `org`, else in the installation's org. */
export function teamLocation(target: ResourceTarget, installationOrg: string): TeamLocation {
  const { team } = target.resource;
  if (!team)
    throw new ProviderError({
      code: 'misconfigured',
      retryable: false,
      message: `resource ${target.resourceName} uses provider github-team but sets no \`team\`: add the team's slug in access.yml`,
    });
  return { resourceName: target.resourceName, org: target.resource.org ?? installationOrg, team };
}
