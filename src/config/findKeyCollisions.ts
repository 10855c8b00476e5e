import { isMap, isScalar, isSeq } from 'yaml';

/**
 * Offsets of the keys that repeat an earlier key of the same mapping once read as plain data:
 * YAML's own unique-key check compares values, so `1` and `"1"`, `true` and `"true"`, or `~` and
 * `""` pass it, yet each pair becomes the same object key and the last one silently wins.
 * Collection and alias keys are refused before composing (scanCst), so every key here is a scalar
 * (an empty key is a null scalar). A plain walk over maps and sequences: every grant file goes
 * through it, and yaml's generic `visit` costs several times more per node.
 */
export function findKeyCollisions(node: unknown, offsets: number[] = []): number[] {
  if (isMap(node)) {
    const seen = node.items.length > 1 ? new Set<string>() : undefined;
    for (const pair of node.items) {
      if (seen) {
        const key = isScalar(pair.key) ? pair.key : undefined;
        const value: unknown = key?.value;
        const name = value === null || value === undefined ? '' : String(value);
        if (seen.has(name)) offsets.push(key?.range?.[0] ?? node.range?.[0] ?? 0);
        seen.add(name);
      }
      findKeyCollisions(pair.value, offsets);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) findKeyCollisions(item, offsets);
  }
  return offsets;
}
