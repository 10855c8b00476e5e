/** What an audit reads from a grant file's content (every field optional: the file may be damaged). */
export interface GrantFacts {
  grantee?: string;
  resource?: string;
  role?: string;
  reason?: string;
  ticket?: string;
  starts?: string;
  expires?: string;
  emergency?: boolean;
}

const TEXT_KEYS = ['grantee', 'resource', 'role', 'reason', 'ticket', 'starts', 'expires'] as const;

/**
 * Picks the audited fields out of a parsed grant file. Only strings (and numbers, which YAML
 * makes of a ticket such as `2041`) are kept, so a hand-made file never breaks an export.
 */
export function grantFactsOf(data: unknown): GrantFacts {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const source = data as Record<string, unknown>;
  const facts: GrantFacts = {};
  for (const key of TEXT_KEYS) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') facts[key] = String(value);
  }
  if (source['emergency'] === true) facts.emergency = true;
  return facts;
}
