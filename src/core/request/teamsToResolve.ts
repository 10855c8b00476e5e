import { ownersOf } from '../codeowners/index.js';
import { isTeam } from '../checkEligibility.js';
import type { GrantsRepo } from '../grantsRepo.js';

/**
 * The teams whose members an evaluation needs: owners of the requested and removed files, and the teams named
 * by the requested resources' `eligible` and `auto_approve` lists. Read at evaluation time, never
 * cached from when a review was given: someone who left a team no longer approves for it.
 */
export function teamsToResolve(params: {
  base: GrantsRepo;
  head: GrantsRepo;
  requested: readonly string[];
  removed: readonly string[];
}): string[] {
  const teams = new Set<string>();
  const add = (principals: readonly string[] | undefined) =>
    principals?.filter(isTeam).forEach((t) => teams.add(t.toLowerCase()));
  const wanted = new Set(params.requested);
  for (const file of [...params.requested, ...params.removed])
    if (params.base.codeowners) add(ownersOf(params.base.codeowners, file).owners);
  const resources = params.base.policy?.data.resources ?? {};
  for (const grant of params.head.grants) {
    if (!wanted.has(grant.file) || !Object.hasOwn(resources, grant.data.resource)) continue;
    const resource = resources[grant.data.resource]!;
    add(resource.eligible);
    for (const rule of resource.auto_approve ?? []) add(rule.grantees);
  }
  return [...teams].sort();
}
