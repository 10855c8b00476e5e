import { stringify } from 'yaml';
import type { Grant } from '../core/types.js';

/** Where editors find the grant schema (yaml-language-server reads the first-line comment). */
export const GRANT_SCHEMA_URL =
  'https://raw.githubusercontent.com/grantops/grantops/main/schemas/grant.schema.json';

/** Writes a grant file's text: schema comment first, keys in the documented order, strings quoted where needed. */
export function renderGrant(grant: Grant): string {
  const ordered: Record<string, unknown> = {};
  for (const key of [
    'grantee',
    'resource',
    'role',
    'reason',
    'ticket',
    'starts',
    'expires',
    'emergency',
  ] as const) {
    if (grant[key] !== undefined) ordered[key] = grant[key];
  }
  return `# yaml-language-server: $schema=${GRANT_SCHEMA_URL}\n${stringify(ordered, { lineWidth: 0 })}`;
}
