import { matchPrincipals, type Membership } from '../checkEligibility.js';
import { parseDuration } from '../time/index.js';
import type { AutoApproveRule, Resource } from '../types.js';

/** Describes an auto_approve rule for the check ("up to 1h, for @acme/oncall, role member"). */
export function describeRule(rule: AutoApproveRule): string {
  const parts = [
    rule.max_duration ? `up to ${rule.max_duration}` : undefined,
    rule.grantees ? `for ${rule.grantees.join(', ')}` : undefined,
    rule.roles ? `role ${rule.roles.join(' or ')}` : undefined,
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * The first auto_approve rule of a resource that a grant satisfies: every key the rule sets must
 * match (duration from start to expiry, grantee through logins and teams, role).
 */
export function matchAutoApprove(params: {
  resource: Resource;
  grantee: string;
  role: string | undefined;
  durationMs: number;
  membership: Membership;
}): AutoApproveRule | undefined {
  return params.resource.auto_approve?.find((rule) => {
    const max = rule.max_duration === undefined ? Infinity : (parseDuration(rule.max_duration) ?? 0);
    if (params.durationMs > max) return false;
    if (rule.grantees && matchPrincipals(params.grantee, rule.grantees, params.membership) !== 'yes')
      return false;
    return !rule.roles || (params.role !== undefined && rule.roles.includes(params.role));
  });
}
