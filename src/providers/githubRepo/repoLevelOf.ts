import type { RepoLevel } from '../../core/access/index.js';
import type { CollaboratorPermission } from './repoOctokit.js';

// GitHub names the levels read/write in `role_name` and the legacy `permission` (which also folds
// triage into read and maintain into write), and pull/push in the API's inputs.
const LEVELS: Readonly<Record<string, RepoLevel>> = {
  read: 'pull',
  pull: 'pull',
  triage: 'triage',
  write: 'push',
  push: 'push',
  maintain: 'maintain',
  admin: 'admin',
};

const FLAGS = ['admin', 'maintain', 'push', 'triage', 'pull'] as const;

/**
 * A collaborator's level. `role_name` is exact when it is a built-in role; a custom role falls back
 * to the legacy `permission` (or the `permissions` flags) of the base role it extends.
 * See https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user.
 */
export function repoLevelOf(data: CollaboratorPermission): RepoLevel {
  const byName = LEVELS[data.role_name ?? ''] ?? LEVELS[data.permission ?? ''];
  return byName ?? FLAGS.find((flag) => data.permissions?.[flag] === true) ?? 'none';
}
