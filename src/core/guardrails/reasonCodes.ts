import type { GuardrailRule } from '../types.js';

/** The rule a code belongs to: a guardrail rule, `policy` (loading and environment) or the decision. */
export type RuleName = GuardrailRule | 'policy';

/**
 * Every code the guardrail engine emits, closed and stable: the Action's `reason_code` output, the
 * CLI's `--json` and the App's protection-rule comment all carry these. Each maps to the rule it
 * belongs to. `reason_code` is `allowed` or the failure code of the first failing enforced rule;
 * passing and skipped rules carry the pass codes in their own `code`.
 */
export const REASON_CODES = {
  /** Decision: every enforced rule passed (or was bypassed by an emergency grant). */
  allowed: 'decision',

  /** Failure: the policy or a grant file has errors (or a rule's settings are unusable); fail closed. */
  policy_invalid: 'policy',
  /** Failure: no `guardrails` entry names this environment and `settings.unlisted_environments` is not `allow`. */
  environment_unlisted: 'policy',
  /** Pass: the environment has a `guardrails` entry, which applies. */
  environment_listed: 'policy',
  /** Pass: no `guardrails` entry, but `settings.unlisted_environments: allow` lets the deploy through. */
  environment_unlisted_allowed: 'policy',

  /** Failure: the login holds no grant for any resource in `require_grant` that covers this environment. */
  no_active_grant: 'grant',
  /** Failure: the login's grant is scheduled and its `starts` is still in the future. */
  grant_not_started: 'grant',
  /**
   * Failure: the login's grant file is on the default branch but grantops never applied it (no
   * sealed record of this content: a direct push, or an edit outside an approved PR). Only the
   * App's protection rule can tell; it then ignores the grant.
   */
  grant_not_applied: 'grant',
  /** Failure: the login's grant has expired (at `expires` exactly, to the millisecond). */
  grant_expired: 'grant',
  /** Pass: the login holds an active grant (`starts <= now < expires`) that covers this environment. */
  grant_active: 'grant',

  /** Failure: a command (or one part of a chained command) matches a `deny_commands` pattern. */
  command_denied: 'commands',
  /** Failure: `allow_commands` is set and a command (or one part of it) matches none of its patterns. */
  command_not_allowed: 'commands',
  /**
   * Failure: a command could not be read safely (an unbalanced quote, a heredoc, a shell reading
   * standard input or with no `-c` string, a command name known only at run time...); fail closed.
   */
  command_unparseable: 'commands',
  /** Pass: every command passed the deny and allow lists. */
  commands_allowed: 'commands',
  /** Skip: command rules are set but the job declared no commands. */
  no_commands: 'commands',

  /** Failure: `now` falls inside a freeze window; `until` says when the environment is free again. */
  freeze_active: 'freeze',
  /** Pass: no freeze window is active. */
  freeze_inactive: 'freeze',

  /** Failure: `max_deploys.count` deployments already happened in the last `max_deploys.per`. */
  deploy_limit_reached: 'max_deploys',
  /** Failure: `max_deploys` is set but the deployment history could not be read; fail closed. */
  deploy_history_unavailable: 'max_deploys',
  /** Pass: fewer than `max_deploys.count` deployments in the last `max_deploys.per`. */
  deploys_within_limit: 'max_deploys',

  /** Failure: the plan destroys more resources than `terraform.max_destroy`. */
  terraform_destroy_limit: 'terraform',
  /** Failure: the plan replaces more resources than `terraform.max_replace`. */
  terraform_replace_limit: 'terraform',
  /** Failure: the plan is not `terraform show -json` output of format 1.x, or the plan errored. */
  terraform_plan_invalid: 'terraform',
  /** Failure: terraform limits are set and the job runs `terraform apply`, but no plan was given. */
  terraform_plan_missing: 'terraform',
  /**
   * Failure: `max_destroy` is set and the job runs `terraform destroy` or `terraform apply -destroy`,
   * which destroy everything in the state and apply no checked plan: counted as over any limit.
   */
  terraform_destroy_command: 'terraform',
  /** Failure: a `terraform apply` names no saved plan file, so it plans again and the checked plan proves nothing. */
  terraform_apply_unsaved_plan: 'terraform',
  /** Failure: the job applies more than one saved plan, but one plan is checked. */
  terraform_plan_ambiguous: 'terraform',
  /** Failure: terraform limits are set and a command could not be read, so what it applies is unknown. */
  terraform_command_unparseable: 'terraform',
  /** Pass: the plan stays within the terraform limits. */
  terraform_within_limits: 'terraform',
  /** Skip: terraform limits are set but no plan was given and no `terraform apply` is declared. */
  terraform_plan_absent: 'terraform',
} as const satisfies Record<string, RuleName | 'decision'>;

/** One of the closed list of codes in {@link REASON_CODES}. */
export type ReasonCode = keyof typeof REASON_CODES;
