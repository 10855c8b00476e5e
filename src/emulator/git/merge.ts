import type { FlatTree } from './trees.js';

/** The outcome of a three-way tree merge: the merged files, or the paths in conflict. */
export type TreeMerge = { ok: true; files: FlatTree } | { ok: false; conflicts: string[] };

/**
 * Three-way merge at file granularity: a side that did not touch a file takes the other side's
 * version; both sides changing the same file differently is a conflict (git would try a text merge).
 */
export function mergeTrees(base: FlatTree, ours: FlatTree, theirs: FlatTree): TreeMerge {
  const files: FlatTree = new Map();
  const conflicts: string[] = [];
  const paths = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  for (const path of paths) {
    const b = base.get(path);
    const o = ours.get(path);
    const t = theirs.get(path);
    const same = (x: typeof b, y: typeof b): boolean => x?.sha === y?.sha && x?.mode === y?.mode;
    let pick: typeof b;
    if (same(o, t)) pick = o;
    else if (same(b, t)) pick = o;
    else if (same(b, o)) pick = t;
    else {
      conflicts.push(path);
      continue;
    }
    if (pick) files.set(path, pick);
  }
  return conflicts.length > 0 ? { ok: false, conflicts: conflicts.sort() } : { ok: true, files };
}
