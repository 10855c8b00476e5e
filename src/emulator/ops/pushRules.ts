import { HttpError } from '../http.js';
import type { Repo } from '../state/types.js';

/**
 * Refuses a direct ref update of a protected branch that requires pull requests, unless the
 * pusher may bypass the rules (as GitHub answers a push to such a branch).
 */
export function checkPushAllowed(repo: Repo, ref: string, actor: string | null): void {
  if (!ref.startsWith('refs/heads/')) return;
  const rules = repo.protections.get(ref.slice('refs/heads/'.length));
  if (!rules?.requirePullRequest) return;
  if (actor && rules.bypassActors.some((b) => b.toLowerCase() === actor.toLowerCase())) return;
  throw new HttpError(422, {
    message: `Protected branch update failed for ${ref}.`,
    documentation_url: 'https://docs.github.com/articles/about-protected-branches',
    status: '422',
  });
}
