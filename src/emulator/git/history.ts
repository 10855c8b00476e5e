import type { GitStore } from './objects.js';

/** Every commit reachable from `sha` (itself included). */
export function ancestors(store: GitStore, sha: string): Set<string> {
  const seen = new Set<string>();
  const stack = [sha];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (seen.has(current)) continue;
    const commit = store.commit(current);
    if (!commit) continue;
    seen.add(current);
    stack.push(...commit.parents);
  }
  return seen;
}

/** True when `ancestor` is reachable from `descendant` (or equal to it). */
export function isAncestor(store: GitStore, ancestor: string, descendant: string): boolean {
  return ancestors(store, descendant).has(ancestor);
}

/** The nearest common ancestor of two commits (breadth first from `b`), or undefined. */
export function mergeBase(store: GitStore, a: string, b: string): string | undefined {
  const fromA = ancestors(store, a);
  const queue = [b];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    if (fromA.has(current)) return current;
    queue.push(...(store.commit(current)?.parents ?? []));
  }
  return undefined;
}

/** Commits reachable from `head` but not from `base`, oldest first (parents before children). */
export function commitsBetween(store: GitStore, base: string | undefined, head: string): string[] {
  const excluded = base ? ancestors(store, base) : new Set<string>();
  const ordered: string[] = [];
  const visited = new Set<string>();
  const visit = (sha: string): void => {
    const stack: Array<[string, boolean]> = [[sha, false]];
    while (stack.length > 0) {
      const [current, expanded] = stack.pop() as [string, boolean];
      if (expanded) {
        ordered.push(current);
        continue;
      }
      if (visited.has(current) || excluded.has(current)) continue;
      const commit = store.commit(current);
      if (!commit) continue;
      visited.add(current);
      stack.push([current, true]);
      for (const parent of [...commit.parents].reverse()) stack.push([parent, false]);
    }
  };
  visit(head);
  return ordered;
}
