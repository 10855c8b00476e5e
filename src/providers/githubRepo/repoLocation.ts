import type { ResourceTarget } from '../provider.js';
import { ProviderError } from '../providerError.js';

/** A repository on GitHub, and the resource that points at it. */
export interface RepoLocation {
  resourceName: string;
  owner: string;
  repo: string;
}

/** Where a github-repo resource points: its `repo` setting, `owner/name`. */
export function repoLocation(target: ResourceTarget): RepoLocation {
  const [owner, repo, ...rest] = (target.resource.repo ?? '').split('/');
  if (!owner || !repo || rest.length > 0)
    throw new ProviderError({
      code: 'misconfigured',
      retryable: false,
      message: `resource ${target.resourceName} uses provider github-repo but its \`repo\` is ${JSON.stringify(target.resource.repo ?? null)}: set it to owner/name in access.yml`,
    });
  return { resourceName: target.resourceName, owner, repo };
}
