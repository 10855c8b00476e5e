import { NOTABLE_OUTCOMES } from '../../src/cli/decisionRows.js';
import type { Decision, RuleOutcome } from '../../src/core/guardrails/index.js';

/** Where an annotation points: a file of the workspace, or nowhere (the message says where). */
export interface AnnotationTarget {
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** One workflow annotation. */
export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  properties: AnnotationTarget;
}

/**
 * One annotation per rule that failed, warned or was bypassed by break-glass, pointing at the policy
 * line or grant file from the outcome. Failures are errors in enforce mode and warnings in warn mode;
 * warn-mode rules and bypassed rules are always warnings.
 */
export function annotationsOf(
  decision: Decision,
  params: { mode: 'enforce' | 'warn'; target: (outcome: RuleOutcome) => AnnotationTarget },
): Annotation[] {
  return decision.rules
    .filter((outcome) => NOTABLE_OUTCOMES.has(outcome.outcome))
    .map((outcome) => ({
      level: outcome.outcome === 'fail' && params.mode === 'enforce' ? 'error' : 'warning',
      message: outcome.message,
      title: `grantops ${outcome.rule}: ${outcome.code}${outcome.outcome === 'fail' ? '' : ` (${outcome.outcome})`}`,
      properties: params.target(outcome),
    }));
}
