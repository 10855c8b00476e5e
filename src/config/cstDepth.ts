import type { CST } from 'yaml';

/** Deepest nesting a grants-repo file may use; real files need fewer than 10 levels. */
export const MAX_NESTING = 32;

/**
 * Finds the first collection nested deeper than `max` in a YAML concrete syntax tree, and returns
 * its source offset. Checked before composing: the composer recurses per level, and near the stack
 * limit V8 can abort the whole process (a regexp compile failing with out-of-memory) where no `try`
 * helps. This walk is iterative, so it cannot overflow itself.
 */
export function findTooDeep(tokens: readonly CST.Token[], max = MAX_NESTING): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    if (depth + 1 > max) return token.offset;
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}
