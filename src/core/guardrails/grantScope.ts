import type { Policy } from '../types.js';

/** Resources of `require_grant` that can cover the environment: known, and for `environment` ones, this one. */
export function coveringResources(policy: Policy, names: readonly string[], environment: string): string[] {
  return names.filter((name) => {
    if (!Object.hasOwn(policy.resources, name)) return false;
    const resource = policy.resources[name];
    return (
      resource?.provider !== 'environment' ||
      resource.environment?.toLowerCase() === environment.toLowerCase()
    );
  });
}

/**
 * The logins the grant rule checks: the actor, and a triggering actor that differs from it (a
 * re-run), whatever kind of account it is. A blank triggering actor means "not a re-run"; the
 * actor is always checked, even when blank.
 */
export function loginsToCheck(actor: string, triggeringActor: string | undefined): string[] {
  const rerunBy =
    triggeringActor !== undefined &&
    triggeringActor.trim() !== '' &&
    triggeringActor.toLowerCase() !== actor.toLowerCase();
  return rerunBy ? [actor, triggeringActor] : [actor];
}
