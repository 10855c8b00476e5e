import { loadYaml } from '../../src/config/loadYaml.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';
import type { SourceFile } from '../../src/core/problem.js';
import type { Grant, Policy } from '../../src/core/types.js';

const validator = createSchemaValidator();

/** Parses YAML text into a SourceFile with real positions; throws when the text is not valid. */
export function sourceOf<T>(file: string, text: string, kind: 'grant' | 'policy'): SourceFile<T> {
  const parsed = loadYaml({ file, text, limits: { maxBytes: 1024 * 1024 } });
  if (!parsed.ok) throw new Error(`fixture ${file} does not parse: ${JSON.stringify(parsed.problems)}`);
  const checked = kind === 'grant' ? validator.grant(parsed.source) : validator.policy(parsed.source);
  if (!checked.source)
    throw new Error(`fixture ${file} fails its schema: ${JSON.stringify(checked.problems)}`);
  return checked.source as SourceFile<T>;
}

export const grantOf = (file: string, text: string) => sourceOf<Grant>(file, text, 'grant');
export const policyOf = (text: string) => sourceOf<Policy>('access.yml', text, 'policy');

/** Problems as `file:line:col code` strings: compact to compare in tables. */
export function where(
  problems: readonly { file: string; line: number; col: number; code: string }[],
): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`);
}
