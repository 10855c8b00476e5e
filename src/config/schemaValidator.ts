import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import grantSchema from '../../schemas/grant.schema.json' with { type: 'json' };
import policySchema from '../../schemas/policy.schema.json' with { type: 'json' };
import type { Grant, Policy } from '../core/types.js';
import type { Problem, SourceFile } from '../core/problem.js';
import { describeSchemaError } from './describeSchemaError.js';

export type SchemaName = 'grant' | 'policy';

/**
 * Validates parsed files against the published JSON Schemas (`schemas/`), compiled once per
 * validator instance. Create one per process (the App, the CLI and the Action each do) and pass it on.
 */
export interface SchemaValidator {
  grant(source: SourceFile<unknown>): { source?: SourceFile<Grant>; problems: Problem[] };
  policy(source: SourceFile<unknown>): { source?: SourceFile<Policy>; problems: Problem[] };
}

/** Compiles both schemas. Costs a few milliseconds; do it once. */
export function createSchemaValidator(): SchemaValidator {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  const grant = ajv.compile<Grant>(grantSchema);
  const policy = ajv.compile<Policy>(policySchema);
  return {
    grant: (source) => check(grant, source),
    policy: (source) => check(policy, source),
  };
}

function check<T>(
  validate: ValidateFunction<T>,
  source: SourceFile<unknown>,
): { source?: SourceFile<T>; problems: Problem[] } {
  if (validate(source.data)) return { source: source as SourceFile<T>, problems: [] };
  const problems = dedupe(
    (validate.errors ?? [])
      .filter((e) => e.keyword !== 'propertyNames')
      .map((error) => toProblem(source, error)),
  );
  return { problems };
}

function toProblem(source: SourceFile<unknown>, error: ErrorObject): Problem {
  const { path, key, code, message } = describeSchemaError(error);
  const { line, col } = source.locate(path, { key });
  return { file: source.file, line, col, code, message, severity: 'error' };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
