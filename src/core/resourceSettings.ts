import { parseDuration } from './time/index.js';
import { REPO_PERMISSIONS, type Policy, type Resource } from './types.js';

export const DEFAULT_MAX_DURATION = '8h';
export const DEFAULT_TIMEZONE = 'UTC';
export const DEFAULT_REASON_MIN_LENGTH = 10;

/** A resource's settings after applying `defaults` and grantops' own defaults. */
export interface EffectiveSettings {
  maxDurationMs: number;
  maxDuration: string;
  timezone: string;
  reasonMinLength: number;
  /** Roles a grant may ask for; the first is used when a grant names none. Empty: roles not used. */
  roles: readonly string[];
  approvalsMin: number;
  mode: 'additive' | 'strict';
}

/** The roles a resource accepts: its own list, else what its provider implies. */
export function rolesOf(resource: Resource): readonly string[] {
  if (resource.roles) return resource.roles;
  if (resource.provider === 'github-team') return ['member'];
  if (resource.provider === 'github-repo') return [resource.permission ?? 'push'];
  return [];
}

/** Resolves what a resource's grants are held to, with a resource's value replacing the default. */
export function resourceSettings(policy: Policy, resource: Resource): EffectiveSettings {
  const maxDuration = resource.max_duration ?? policy.defaults?.max_duration ?? DEFAULT_MAX_DURATION;
  return {
    maxDuration,
    maxDurationMs: parseDuration(maxDuration) ?? parseDuration(DEFAULT_MAX_DURATION)!,
    timezone: resource.timezone ?? policy.defaults?.timezone ?? DEFAULT_TIMEZONE,
    reasonMinLength:
      resource.reason_min_length ?? policy.defaults?.reason_min_length ?? DEFAULT_REASON_MIN_LENGTH,
    roles: rolesOf(resource),
    approvalsMin: resource.approvals?.min ?? 1,
    mode: resource.mode ?? 'additive',
  };
}

/** The permission a github-repo grant gives: its role when roles are permission levels, else the resource's. */
export function repoPermissionFor(resource: Resource, role: string | undefined): string {
  if (role && (REPO_PERMISSIONS as readonly string[]).includes(role)) return role;
  return resource.permission ?? 'push';
}
