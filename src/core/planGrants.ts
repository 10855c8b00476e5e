import { grantStatus, grantWindow, type GrantStatus } from './grantWindow.js';
import type { GrantsRepo } from './grantsRepo.js';
import type { Problem } from './problem.js';
import { resourceSettings } from './resourceSettings.js';
import { formatUtc } from './time/index.js';

/** One grant as the plan sees it: who gets what, and where it stands at the plan's time. */
export interface PlannedGrant {
  file: string;
  grantee: string;
  resource: string;
  role: string | undefined;
  status: GrantStatus;
  starts: string | undefined;
  expires: string;
  expiresAt: number;
  reason: string;
  ticket: string | undefined;
  emergency: boolean;
}

/** Grants sorted by state at one instant; `revoke` is what a sweep would take away now. */
export interface GrantsPlan {
  at: string;
  active: PlannedGrant[];
  scheduled: PlannedGrant[];
  expired: PlannedGrant[];
  revoke: PlannedGrant[];
  /** Grant files left out because they have errors. */
  invalid: string[];
}

/**
 * Sorts the valid grants of a repository by their state at `now`. Files with errors are listed
 * as invalid and never planned: what cannot be validated cannot be granted.
 */
export function planGrants(params: {
  repo: GrantsRepo;
  problems: readonly Problem[];
  now: number;
}): GrantsPlan {
  const { repo, problems, now } = params;
  const broken = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const plan: GrantsPlan = {
    at: formatUtc(now),
    active: [],
    scheduled: [],
    expired: [],
    revoke: [],
    invalid: [],
  };
  plan.invalid = repo.grantPaths.filter((path) => broken.has(path));
  const policy = repo.policy?.data;
  if (!policy || broken.has('access.yml')) return { ...plan, invalid: repo.grantPaths };
  for (const source of repo.grants) {
    const grant = source.data;
    const window = grantWindow(grant);
    const resource = policy.resources[grant.resource];
    if (!window || !resource || broken.has(source.file)) continue;
    const planned: PlannedGrant = {
      file: source.file,
      grantee: grant.grantee,
      resource: grant.resource,
      role: grant.role ?? resourceSettings(policy, resource).roles[0],
      status: grantStatus(window, now),
      starts: window.startsAt === undefined ? undefined : formatUtc(window.startsAt),
      expires: formatUtc(window.expiresAt),
      expiresAt: window.expiresAt,
      reason: grant.reason,
      ticket: grant.ticket,
      emergency: grant.emergency ?? false,
    };
    plan[planned.status].push(planned);
  }
  for (const list of [plan.active, plan.scheduled, plan.expired])
    list.sort((a, b) => a.expiresAt - b.expiresAt || a.file.localeCompare(b.file));
  plan.revoke = [...plan.expired];
  return plan;
}
