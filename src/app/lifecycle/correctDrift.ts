import { accessLevelFor, findDrift, standingMembersOf } from '../../core/access/index.js';
import { grantStatus, grantWindow } from '../../core/grantWindow.js';
import type { Policy } from '../../core/types.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { providerFor } from './providerFor.js';
import type { GrantOnMain } from './readGrantsState.js';

/** What drift correction found and did, per resource. */
export interface DriftReport {
  resource: string;
  found: number;
  removed: number;
  failed: number;
}

/**
 * Strict mode (DESIGN.md 4): a strict resource's members are only what active grants and declared
 * `standing` members explain. Lists the members of each strict resource (one call each, whatever
 * the number of grants), reports the drift, and takes the unexplained access away. Additive
 * resources are never touched: grantops does not remove access it did not grant.
 */
export async function correctDrift(
  ctx: LifecycleContext,
  policy: Policy,
  valid: readonly GrantOnMain[],
): Promise<DriftReport[]> {
  const reports: DriftReport[] = [];
  for (const [name, resource] of Object.entries(policy.resources)) {
    if (resource.mode !== 'strict') continue;
    const active = valid.filter(
      (g) => g.grant.resource === name && grantStatus(grantWindow(g.grant)!, ctx.now()) === 'active',
    );
    const provider = providerFor({
      provider: resource.provider,
      client: ctx.providerClient,
      org: ctx.org,
      env: ctx.env,
      activeGrants: active.map((g) => g.grant),
      clock: ctx.now,
    });
    if (!provider.listMembers) continue;
    const members = await provider.listMembers({ resourceName: name, resource });
    const findings = findDrift({
      members,
      activeGrants: active.map((g) => ({
        grantee: g.grant.grantee,
        level: accessLevelFor(resource, g.grant.role),
      })),
      standing: standingMembersOf(resource),
      mode: 'strict',
    });
    const report: DriftReport = { resource: name, found: findings.length, removed: 0, failed: 0 };
    for (const finding of findings) {
      if (finding.change.action === 'none') continue;
      const target = {
        resourceName: name,
        resource,
        grantee: finding.grantee,
        role: undefined,
        grantId: `drift:${name}:${finding.grantee}`,
        expires: undefined,
      };
      const result = await provider.revoke(target, finding.change);
      if (result.status === 'failed') {
        report.failed++;
        ctx.log.error(
          { resource: name, grantee: finding.grantee, error: result.reason },
          `could not remove ${finding.grantee}'s unexplained access to ${name}: ${result.reason}`,
        );
      } else {
        report.removed++;
        ctx.log.warn(
          { resource: name, grantee: finding.grantee, had: finding.level, now: result.level },
          `drift: ${finding.grantee} held ${finding.level} on ${name} that no grant explains; strict mode lowered it to ${result.level}`,
        );
      }
    }
    reports.push(report);
  }
  return reports;
}
