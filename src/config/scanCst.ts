import type { CST } from 'yaml';

/** Deepest nesting a grants-repo file may use; real files need fewer than 10 levels. */
export const MAX_NESTING = 32;

/** The first thing in a file's syntax tree that a grants repo refuses, with its source offset. */
export interface CstViolation {
  offset: number;
  code:
    'yaml-too-deep' | 'yaml-too-many-aliases' | 'yaml-non-string-key' | 'yaml-alias-key' | 'yaml-directive';
  message: string;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Walks a YAML concrete syntax tree once, before it is composed, for nesting deeper than
 * `maxNesting`, more aliases than `maxAliases`, keys that are collections or aliases (an alias key
 * hides a duplicate from the composer's unique-key check), and directives (`%YAML 1.1` would turn
 * on merge keys, yes/no booleans and timestamps; `%TAG` only serves tags, which are refused). Depth is checked
 * here because the composer recurses per level, and near the stack limit V8 can abort the whole
 * process (a regexp compile failing with out-of-memory) where no `try` helps. This walk is
 * iterative, so it cannot overflow itself.
 */
export function scanCst(
  tokens: readonly CST.Token[],
  limits: { maxNesting: number; maxAliases: number },
): CstViolation | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  let aliases = 0;
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'directive') {
      return {
        offset: token.offset,
        code: 'yaml-directive',
        message:
          'YAML directives (%YAML, %TAG) are not allowed: files are read as YAML 1.2; remove this line',
      };
    } else if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'alias') {
      if (++aliases > limits.maxAliases) {
        return {
          offset: token.offset,
          code: 'yaml-too-many-aliases',
          message: `more than ${limits.maxAliases} aliases; write the values out instead`,
        };
      }
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limits.maxNesting) {
        return {
          offset: token.offset,
          code: 'yaml-too-deep',
          message: `nesting deeper than ${limits.maxNesting} levels`,
        };
      }
      for (let i = token.items.length - 1; i >= 0; i--) {
        const item = token.items[i]!;
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
        if (item.key && COLLECTIONS.has(item.key.type)) {
          return {
            offset: (item.key as { offset: number }).offset,
            code: 'yaml-non-string-key',
            message: 'keys must be plain strings, not lists or mappings',
          };
        }
        if (item.key?.type === 'alias') {
          return {
            offset: item.key.offset,
            code: 'yaml-alias-key',
            message: 'an alias (*name) cannot be a key: write the key out',
          };
        }
        if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
