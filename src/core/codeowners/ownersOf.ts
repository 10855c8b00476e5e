import type { Codeowners, CodeownersRule } from './types.js';

/**
 * The code owners of a repo-relative path (no leading slash, case-sensitive): the owners of the LAST rule
 * whose pattern matches, in the order written. `owners` is empty when no rule matches (then `rule` is
 * undefined) and when the last matching rule lists no owners (that rule un-owns the path).
 */
export function ownersOf(codeowners: Codeowners, path: string): { owners: string[]; rule?: CodeownersRule } {
  const { rules } = codeowners;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as CodeownersRule;
    if (rule.matches(path)) return { owners: [...rule.owners], rule };
  }
  return { owners: [] };
}
