/**
 * The grants repository model, as written by users (see DESIGN.md 1 and `schemas/`).
 * These types describe data that already passed the JSON Schemas; meaning is checked in core.
 */

export type ProviderName = 'github-team' | 'github-repo' | 'environment' | 'webhook';

/** GitHub's repository permission levels, in increasing order of power. */
export const REPO_PERMISSIONS = ['pull', 'triage', 'push', 'maintain', 'admin'] as const;
export type RepoPermission = (typeof REPO_PERMISSIONS)[number];

export const TEAM_ROLES = ['member', 'maintainer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A rule letting some grants through without human review. Every key set must match. */
export interface AutoApproveRule {
  max_duration?: string;
  grantees?: string[];
  roles?: string[];
}

export interface ResourceSettings {
  max_duration?: string;
  timezone?: string;
  reason_min_length?: number;
}

export interface Resource extends ResourceSettings {
  description?: string;
  provider: ProviderName;
  /** github-team */
  team?: string;
  org?: string;
  /** github-repo */
  repo?: string;
  permission?: RepoPermission;
  /** environment */
  environment?: string;
  /** webhook */
  url?: string;
  secret_env?: string;
  roles?: string[];
  approvals?: { min?: number };
  require_ticket?: boolean;
  ticket_pattern?: string;
  eligible?: string[];
  auto_approve?: AutoApproveRule[];
  /** additive (default): never remove access grantops did not grant. strict: only grants and standing members. */
  mode?: 'additive' | 'strict';
  /** Logins that hold the access permanently (strict mode keeps them; drift reports ignore them). */
  standing?: string[];
  /** Break-glass: present means `emergency: true` grants are allowed, capped at its max_duration. */
  emergency?: { max_duration: string };
}

export const GUARDRAIL_RULES = ['grant', 'commands', 'freeze', 'max_deploys', 'terraform'] as const;
export type GuardrailRule = (typeof GUARDRAIL_RULES)[number];
export type RuleMode = 'enforce' | 'warn';

export interface FreezeWindow {
  name: string;
  /** Weekly: `Fri 16:00`. One-off: `2026-12-22T00:00:00` (local time in `timezone`). */
  from: string;
  to: string;
  timezone?: string;
}

export const ALERT_EVENTS = ['blocked', 'allowed', 'sensitive', 'emergency'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

export interface Guardrail {
  require_grant?: string[];
  deny_commands?: string[];
  allow_commands?: string[];
  /** Commands that are allowed but worth an alert (with `alert.on: [sensitive]`). */
  sensitive_commands?: string[];
  freeze?: FreezeWindow[];
  max_deploys?: { count: number; per: string };
  terraform?: { max_destroy?: number; max_replace?: number };
  alert?: { webhook_env: string; on?: AlertEvent[] };
  /** Per-rule mode; rules not listed are enforced. */
  modes?: Partial<Record<GuardrailRule, RuleMode>>;
  /** Rules an active emergency grant may bypass. */
  emergency_bypass?: GuardrailRule[];
}

export interface Settings {
  /** Merge request PRs once approved (default true) and with which method (default squash). */
  merge?: { enabled?: boolean; method?: 'merge' | 'squash' | 'rebase' };
  /** Approvals of a request PR older than this no longer count (default 7d). */
  request_ttl?: string;
  /** How long before expiry the grantee is warned (default 30m). */
  warn_before?: string;
  /** What happens to deploys to environments with no guardrails entry (default block). */
  unlisted_environments?: 'block' | 'allow';
}

export interface Policy {
  version: 1;
  defaults?: ResourceSettings;
  settings?: Settings;
  resources: Record<string, Resource>;
  guardrails?: Record<string, Guardrail>;
}

export interface Grant {
  grantee: string;
  resource: string;
  role?: string;
  reason: string;
  ticket?: string;
  expires: string;
  starts?: string;
  emergency?: boolean;
}
