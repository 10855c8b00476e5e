import type { GuardInput } from './decision.js';
import { findGuardrail } from './findGuardrail.js';
import { coveringResources, loginsToCheck } from './grantScope.js';
import { grantsInForce } from './grantStatus.js';

/**
 * The grant files whose application a caller that can check it (the App's protection rule) must
 * verify before deciding: the grants of the actor and triggering actor, for a resource of
 * `require_grant` that covers the environment, in force at `now` by their times. Usually one or
 * two files; none when the data has errors, the environment is unguarded or needs no grant.
 * Pass the verified ones back as `verifiedGrantFiles`.
 */
export function grantsToVerify(input: Omit<GuardInput, 'verifiedGrantFiles'>): string[] {
  if ((input.dataProblems ?? []).some((p) => p.severity === 'error')) return [];
  const lookup = findGuardrail(input.policy.data, input.environment);
  if (lookup.kind !== 'found') return [];
  const names = lookup.guardrail.require_grant ?? [];
  const resources = new Set(coveringResources(input.policy.data, names, input.environment));
  const files = loginsToCheck(input.actor, input.triggeringActor).flatMap((login) =>
    grantsInForce({ grants: input.grants, login, resources, now: input.now }).map((g) => g.file),
  );
  return [...new Set(files)].sort();
}
