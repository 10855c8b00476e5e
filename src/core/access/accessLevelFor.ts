import { repoPermissionFor, rolesOf } from '../resourceSettings.js';
import { REPO_PERMISSIONS, type Resource } from '../types.js';
import type { AccessLevel, RepoLevel } from './accessLevel.js';

/**
 * The level a grant of `role` on `resource` gives (a grant with no role gets the resource's first
 * role): a team role, a repository permission, or `granted` for environments and webhooks.
 */
export function accessLevelFor(resource: Resource, role: string | undefined): AccessLevel {
  const effectiveRole = role ?? rolesOf(resource)[0];
  switch (resource.provider) {
    case 'github-team':
      return effectiveRole === 'maintainer' ? 'maintainer' : 'member';
    case 'github-repo': {
      const permission = repoPermissionFor(resource, effectiveRole);
      return (REPO_PERMISSIONS as readonly string[]).includes(permission)
        ? (permission as RepoLevel)
        : 'push';
    }
    default:
      return 'granted';
  }
}
