import type { Guardrail, Policy } from '../types.js';

/** The guardrail entry of an environment: found (with its key as written), missing, or named twice. */
export type GuardrailLookup =
  | { kind: 'found'; key: string; guardrail: Guardrail }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; keys: string[] };

/**
 * Finds the `guardrails` entry for an environment. GitHub environment names are case-insensitive, so
 * `Production` is guarded by a `production` entry; an exact key wins, and two keys differing only
 * in case with no exact match are ambiguous. Only own keys count (`__proto__` names nothing).
 */
export function findGuardrail(policy: Policy, environment: string): GuardrailLookup {
  const entries = Object.entries(policy.guardrails ?? {});
  const exact = entries.find(([key]) => key === environment);
  const matches = exact
    ? [exact]
    : entries.filter(([key]) => key.toLowerCase() === environment.toLowerCase());
  const [first] = matches;
  if (!first) return { kind: 'missing' };
  if (matches.length > 1) return { kind: 'ambiguous', keys: matches.map(([key]) => key) };
  return { kind: 'found', key: first[0], guardrail: first[1] };
}
