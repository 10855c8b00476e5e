import { isScalar, visit, type Document } from 'yaml';

/**
 * Offsets of the keys that repeat an earlier key of the same mapping once read as plain data:
 * YAML's own unique-key check compares values, so `1` and `"1"`, `true` and `"true"`, or `~` and
 * `""` pass it, yet each pair becomes the same object key and the last one silently wins.
 * Collection and alias keys are refused before composing (scanCst), so every key here is a scalar
 * (an empty key is a null scalar).
 */
export function findKeyCollisions(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key : undefined;
        const value: unknown = key?.value;
        const name = value === null || value === undefined ? '' : String(value);
        if (seen.has(name)) offsets.push(key?.range?.[0] ?? map.range?.[0] ?? 0);
        seen.add(name);
      }
    },
  });
  return offsets;
}
