import { problemAt, type Problem, type SourceFile } from './problem.js';
import { checkGrantPath } from './checkGrantPath.js';
import { resourceSettings } from './resourceSettings.js';
import { suggest } from './suggest.js';
import { checkEligibility, type Membership } from './checkEligibility.js';
import { checkGrantTimes } from './checkGrantTimes.js';
import type { Grant, Policy } from './types.js';

/** What a grant is judged against. */
export interface GrantContext {
  policy: Policy;
  now: number;
  /** Team membership, when known (the App knows; the offline CLI does not). */
  membership?: Membership;
}

/**
 * Checks what a schema cannot: the grant names an existing resource that matches its folder, a
 * role the resource has, a long enough reason, a ticket when required, an eligible grantee, and
 * times that parse and fit the resource's maximum duration. An expired grant is not a problem.
 */
export function validateGrant(source: SourceFile<Grant>, context: GrantContext): Problem[] {
  const grant = source.data;
  const problems: Problem[] = [...checkGrantPath(source)];
  const resource = context.policy.resources[grant.resource];
  if (!Object.hasOwn(context.policy.resources, grant.resource) || !resource) {
    const hint = suggest(grant.resource, Object.keys(context.policy.resources));
    problems.push(
      problemAt(
        source,
        ['resource'],
        'grant-unknown-resource',
        `resource "${grant.resource}" is not defined in access.yml` +
          (hint ? `; did you mean "${hint}"?` : ''),
      ),
    );
    return problems;
  }
  const settings = resourceSettings(context.policy, resource);
  if (grant.role !== undefined && !settings.roles.includes(grant.role)) {
    const roles = settings.roles.length > 0 ? `: ${settings.roles.join(', ')}` : '; remove `role`';
    problems.push(
      problemAt(
        source,
        ['role'],
        'grant-role',
        `role "${grant.role}" is not a role of ${grant.resource}${roles}`,
      ),
    );
  }
  if (grant.reason.trim().length < settings.reasonMinLength) {
    problems.push(
      problemAt(
        source,
        ['reason'],
        'grant-reason-short',
        `reason is too short: say why the access is needed in at least ${settings.reasonMinLength} characters`,
      ),
    );
  }
  problems.push(...checkTicket(source, resource), ...checkEligibility(source, resource, context.membership));
  problems.push(...checkGrantTimes(source, { resource, settings, now: context.now }));
  return problems;
}

function checkTicket(source: SourceFile<Grant>, resource: Policy['resources'][string]): Problem[] {
  const { ticket, resource: name } = source.data;
  if (ticket === undefined) {
    return resource.require_ticket
      ? [problemAt(source, [], 'grant-ticket-missing', `${name} requires a ticket: add \`ticket: <id>\``)]
      : [];
  }
  if (resource.ticket_pattern === undefined) return [];
  let pattern: RegExp;
  try {
    pattern = new RegExp(resource.ticket_pattern, 'u');
  } catch {
    // Also reported on access.yml by validatePolicy; a grant is never let through unchecked.
    const message = `${name}'s ticket_pattern in access.yml is not a valid regular expression, so no ticket can be checked; fix access.yml`;
    return [problemAt(source, ['ticket'], 'grant-ticket-pattern', message)];
  }
  return pattern.test(ticket)
    ? []
    : [
        problemAt(
          source,
          ['ticket'],
          'grant-ticket-pattern',
          `ticket "${ticket}" does not match ${name}'s ticket_pattern ${resource.ticket_pattern}`,
        ),
      ];
}
