import type { Position } from '../problem.js';
import type { Guardrail, Policy } from '../types.js';
import type { GuardInput, RuleOutcome } from './decision.js';

/**
 * What a rule check found, before its mode and any emergency bypass turn it into a `RuleOutcome`.
 * `status: 'fail'` becomes `fail`, `warn` or `bypassed`.
 */
export interface Finding extends Omit<RuleOutcome, 'mode' | 'outcome' | 'file' | 'line' | 'col'> {
  status: 'pass' | 'fail' | 'skip';
  /** Every finding points somewhere: the policy rule, a grant file, or the first data problem. */
  file: string;
  line: number;
  col: number;
}

/** Everything a rule check reads: the input, the environment's guardrail and where it is written. */
export interface GuardContext {
  input: GuardInput;
  policy: Policy;
  guardrail: Guardrail;
  /** The key of the guardrail under `guardrails`, as written (may differ in case from the environment). */
  envKey: string;
  /** Points at a path under `guardrails.<envKey>` in the policy file. */
  locate: (path: readonly (string | number)[]) => Position & { file: string };
}
