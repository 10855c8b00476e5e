import type { Problem, SourceFile } from '../problem.js';
import type { AlertEvent, Grant, Policy, RuleMode } from '../types.js';
import type { ReasonCode, RuleName } from './reasonCodes.js';

/** What the engine needs to decide; gathered by the Action, the CLI or the App. */
export interface GuardInput {
  /** access.yml, with `locate` so outcomes can point at the rule's line. */
  policy: SourceFile<Policy>;
  /** Grants that passed validation, read from the default branch. */
  grants: readonly SourceFile<Grant>[];
  /**
   * The grant files grantops is known to have applied, when the caller can tell: the App's
   * protection rule checks each candidate grant (see `grantsToVerify`) against its sealed record.
   * A grant whose file is not listed then never counts (`grant_not_applied`). Undefined: every
   * grant given counts, as the Action and `grantops check` do (they trust the default branch).
   */
  verifiedGrantFiles?: readonly string[];
  /** The deploy environment (GitHub environment names compare case-insensitively). */
  environment: string;
  /** Workflow actor or deployment creator (GitHub login, case-insensitive). */
  actor: string;
  /** On re-runs, the login that re-ran the job: it must pass the grant rule too. */
  triggeringActor?: string;
  /** What the job is about to run. */
  commands?: readonly string[];
  /** Parsed `terraform show -json` output; undefined when no plan was given. */
  terraformPlan?: unknown;
  /**
   * Recent deployments to this environment, not counting the one being decided;
   * undefined when the history could not be read.
   */
  deployments?: readonly { createdAt: number }[];
  /** The time of the decision, epoch milliseconds. */
  now: number;
  /** Problems met loading the policy and grants; any error blocks (fail closed). */
  dataProblems?: readonly Problem[];
}

/** How one rule (or one login of the grant rule, or one command) came out. */
export type OutcomeStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'bypassed';

/** One row of the decision table: what a rule found, where it is written and what times it used. */
export interface RuleOutcome {
  rule: RuleName;
  mode: RuleMode;
  outcome: OutcomeStatus;
  code: ReasonCode;
  /** What was found and, on failure, how to fix it. */
  message: string;
  /** Where the rule (or grant) is written. */
  file?: string;
  line?: number;
  col?: number;
  /** The times the rule used: UTC, and the wall-clock time in the rule's zone. */
  times?: { utc: string; local?: string; zone?: string };
  /** RFC 3339 UTC: when this outcome stops holding (a freeze ends, a slot frees, a grant expires). */
  until?: string;
}

/**
 * The guardrail decision, as data. The Action's `result` output, `grantops check --json` and the
 * App's protection-rule comment render this object unchanged; `schema_version` changes only when a
 * consumer would break.
 */
export interface Decision {
  schema_version: 1;
  decision: 'allowed' | 'blocked';
  allowed: boolean;
  /** `allowed`, or the code of the first failing enforced rule. */
  reason_code: ReasonCode;
  environment: string;
  actor: string;
  /** The decision time, RFC 3339 UTC. */
  at: string;
  /** True when the deploy rides on emergency (break-glass) grants. */
  emergency: boolean;
  rules: RuleOutcome[];
  /** Alert events to deliver, as configured by the guardrail's `alert.on`. */
  alerts: AlertEvent[];
}
