import type { Finding, GuardContext } from './finding.js';
import { grantFinding } from './grantFinding.js';
import { coveringResources, loginsToCheck } from './grantScope.js';
import { grantStatus } from './grantStatus.js';

/** The grant rule's findings (one per checked login) and whether every login rides on break-glass. */
export interface GrantCheck {
  findings: Finding[];
  emergency: boolean;
}

/**
 * The grant rule: when `require_grant` is set, the actor and a different triggering actor must each
 * hold an active grant for one of its resources that covers this environment. A grant for an
 * `environment` resource covers only that resource's environment. When the caller says which grant
 * files grantops applied (`verifiedGrantFiles`), no other grant counts. The rule is never bypassed.
 */
export function checkGrant(ctx: GuardContext): GrantCheck {
  const names = ctx.guardrail.require_grant ?? [];
  if (names.length === 0) return { findings: [], emergency: false };
  const resources = coveringResources(ctx.policy, names, ctx.input.environment);
  if (resources.length === 0) {
    const message = `require_grant for ${ctx.envKey} names no resource that covers ${ctx.input.environment} (unknown, or an environment resource for another environment): fix guardrails.${ctx.envKey}.require_grant in ${ctx.input.policy.file}`;
    const finding: Finding = {
      rule: 'grant',
      status: 'fail',
      code: 'policy_invalid',
      message,
      ...ctx.locate(['require_grant']),
    };
    return { findings: [finding], emergency: false };
  }
  const breakGlass = new Set(resources.filter((name) => ctx.policy.resources[name]?.emergency !== undefined));
  const logins = loginsToCheck(ctx.input.actor, ctx.input.triggeringActor);
  const verified = ctx.input.verifiedGrantFiles ? new Set(ctx.input.verifiedGrantFiles) : undefined;
  const statuses = logins.map((login) =>
    grantStatus({
      grants: ctx.input.grants,
      login,
      resources: new Set(resources),
      breakGlassResources: breakGlass,
      now: ctx.input.now,
      ...(verified ? { verified } : {}),
    }),
  );
  return {
    findings: statuses.map((status, i) =>
      grantFinding({ ctx, login: logins[i] as string, status, resources }),
    ),
    emergency: statuses.every((s) => s.kind === 'active' && s.emergency),
  };
}
