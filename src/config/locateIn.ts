import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { DocPath, Locate, Position } from '../core/problem.js';

/**
 * Returns a `Locate` that maps a data path back to its line and column in a parsed document.
 * Walks as far as the path exists, so a missing key points at the mapping that should hold it.
 */
export function locateIn(doc: Document, lineCounter: LineCounter): Locate {
  const at = (node: { range?: [number, number, number] | null } | null | undefined): Position => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line, col };
  };
  return (path: DocPath, options = {}): Position => {
    let node = doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const segment of path) {
      keyNode = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment] as Node;
      } else {
        break;
      }
    }
    return at(options.key && keyNode ? keyNode : node);
  };
}
