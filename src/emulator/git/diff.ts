import type { FlatTree } from './trees.js';

/** How a file changed between two trees, in GitHub's words. */
export interface FileChange {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** Blob sha after the change (before it, for removals), as GitHub's `files[].sha`. */
  sha: string;
  previousSha?: string;
  previousFilename?: string;
}

/** Files that differ between two trees; an exact-content delete plus add is a rename. */
export function diffTrees(base: FlatTree, head: FlatTree): FileChange[] {
  const changes: FileChange[] = [];
  const removed = new Map<string, string>();
  for (const [path, entry] of base) {
    const after = head.get(path);
    if (!after) removed.set(path, entry.sha);
    else if (after.sha !== entry.sha || after.mode !== entry.mode)
      changes.push({ filename: path, status: 'modified', sha: after.sha, previousSha: entry.sha });
  }
  for (const [path, entry] of head) {
    if (base.has(path)) continue;
    const source = [...removed].find(([, sha]) => sha === entry.sha);
    if (source) {
      removed.delete(source[0]);
      changes.push({
        filename: path,
        status: 'renamed',
        sha: entry.sha,
        previousSha: entry.sha,
        previousFilename: source[0],
      });
    } else {
      changes.push({ filename: path, status: 'added', sha: entry.sha });
    }
  }
  for (const [path, sha] of removed)
    changes.push({ filename: path, status: 'removed', sha, previousSha: sha });
  return changes.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
}

/** Line counts and a unified-diff hunk for one text change (one hunk around the changed span). */
export interface Patch {
  additions: number;
  deletions: number;
  patch: string;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A single-hunk patch: the common prefix and suffix are context, the middle is replaced. */
export function patchBetween(before: string, after: string): Patch {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removedLines = a.slice(start, endA);
  const addedLines = b.slice(start, endB);
  if (removedLines.length === 0 && addedLines.length === 0) return { additions: 0, deletions: 0, patch: '' };
  const ctxStart = Math.max(0, start - 3);
  const ctxEndA = Math.min(a.length, endA + 3);
  const lead = a.slice(ctxStart, start).map((l) => ` ${l}`);
  const trail = a.slice(endA, ctxEndA).map((l) => ` ${l}`);
  const oldCount = ctxEndA - ctxStart;
  const newCount = lead.length + addedLines.length + trail.length;
  const header = `@@ -${oldCount === 0 ? 0 : ctxStart + 1},${oldCount} +${newCount === 0 ? 0 : ctxStart + 1},${newCount} @@`;
  const body = [...lead, ...removedLines.map((l) => `-${l}`), ...addedLines.map((l) => `+${l}`), ...trail];
  return {
    additions: addedLines.length,
    deletions: removedLines.length,
    patch: [header, ...body].join('\n'),
  };
}
