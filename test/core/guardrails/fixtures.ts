import type { DocPath, Grant, Guardrail, Policy, SourceFile } from '../../../src/core/index.js';
import type { GuardInput } from '../../../src/core/guardrails/index.js';

/**
 * A SourceFile whose `locate` answers from a table of dotted paths (`guardrails.production.freeze.1`)
 * and falls back to line 1, column 1, so tests can check where outcomes point.
 */
export function sourceFile<T>(file: string, data: T, lines: Record<string, number> = {}): SourceFile<T> {
  return { file, data, locate: (path: DocPath) => ({ line: lines[path.join('.')] ?? 1, col: 3 }) };
}

/** A policy with the usual resources: an environment resource per environment and a team. */
export function policyFile(
  guardrails: Record<string, Guardrail> | undefined,
  options: { lines?: Record<string, number>; extra?: Partial<Policy> } = {},
): SourceFile<Policy> {
  const data: Policy = {
    version: 1,
    defaults: { max_duration: '8h', timezone: 'UTC' },
    resources: {
      'deploy-production': {
        provider: 'environment',
        environment: 'production',
        emergency: { max_duration: '1h' },
      },
      'deploy-staging': { provider: 'environment', environment: 'staging' },
      'prod-db': { provider: 'github-team', team: 'prod-db-admins' },
    },
    ...(guardrails ? { guardrails } : {}),
    ...options.extra,
  };
  return sourceFile('access.yml', data, options.lines);
}

/** A grant file at grants/<resource>/<grantee>.yml that points `starts` at line 8 and `expires` at line 7. */
export function grantFile(grant: Partial<Grant> & Pick<Grant, 'grantee' | 'expires'>): SourceFile<Grant> {
  const data: Grant = { resource: 'deploy-production', reason: 'INC-1: hotfix', ...grant };
  return sourceFile(`grants/${data.resource}/${data.grantee}.yml`, data, {
    grantee: 2,
    expires: 7,
    starts: 8,
  });
}

/** Epoch milliseconds of an RFC 3339 instant, for readable tables. */
export const at = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`fixtures: bad instant ${text}`);
  return ms;
};

/** A guard input for `production` by alice at 2026-11-25T12:00:00Z (a Wednesday), overridable. */
export function guardInput(overrides: Partial<GuardInput> & Pick<GuardInput, 'policy'>): GuardInput {
  return {
    grants: [],
    environment: 'production',
    actor: 'alice',
    now: at('2026-11-25T12:00:00Z'),
    ...overrides,
  };
}

/** An active grant for alice on deploy-production around the default `now`. */
export const aliceGrant = (extra: Partial<Grant> = {}): SourceFile<Grant> =>
  grantFile({ grantee: 'alice', expires: '2026-11-25T18:00:00Z', ...extra });
