import type { GitStore, TreeEntry } from './objects.js';

/** A file in a flattened tree: its full path, mode and object. */
export interface FlatEntry {
  mode: string;
  type: 'blob' | 'commit';
  sha: string;
}

/** A flattened tree: path → file. Directories are implied by paths. */
export type FlatTree = Map<string, FlatEntry>;

/** One entry of a recursive tree listing (trees included), as `GET /git/trees?recursive=1` lists them. */
export interface ListedEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

/** Every file under a tree, keyed by full path. */
export function flattenTree(
  store: GitStore,
  treeSha: string,
  prefix = '',
  out: FlatTree = new Map(),
): FlatTree {
  const tree = store.tree(treeSha);
  if (!tree) return out;
  for (const e of tree.entries) {
    const path = prefix + e.name;
    if (e.type === 'tree') flattenTree(store, e.sha, `${path}/`, out);
    else out.set(path, { mode: e.mode, type: e.type, sha: e.sha });
  }
  return out;
}

/** Writes the nested trees for a flat file map and returns the root tree sha. */
export function buildTree(store: GitStore, files: FlatTree): string {
  const here: TreeEntry[] = [];
  const sub = new Map<string, FlatTree>();
  for (const [path, entry] of files) {
    const slash = path.indexOf('/');
    if (slash < 0) {
      here.push({ name: path, mode: entry.mode, type: entry.type, sha: entry.sha });
      continue;
    }
    const dir = path.slice(0, slash);
    const child = sub.get(dir) ?? new Map<string, FlatEntry>();
    child.set(path.slice(slash + 1), entry);
    sub.set(dir, child);
  }
  for (const [dir, child] of sub)
    here.push({ name: dir, mode: '040000', type: 'tree', sha: buildTree(store, child) });
  return store.putTree(here);
}

/** Lists a tree's entries, recursing depth-first when asked, in GitHub's order. */
export function listTree(store: GitStore, treeSha: string, recursive: boolean, prefix = ''): ListedEntry[] {
  const tree = store.tree(treeSha);
  if (!tree) return [];
  const out: ListedEntry[] = [];
  for (const e of tree.entries) {
    const path = prefix + e.name;
    out.push({ path, mode: e.type === 'tree' ? '040000' : e.mode, type: e.type, sha: e.sha });
    if (recursive && e.type === 'tree') out.push(...listTree(store, e.sha, true, `${path}/`));
  }
  return out;
}

/** The entry at `path` under a tree (`''` is the tree itself), or undefined. */
export function lookupPath(store: GitStore, treeSha: string, path: string): ListedEntry | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  let current: ListedEntry = { path: '', mode: '040000', type: 'tree', sha: treeSha };
  for (const part of parts) {
    if (current.type !== 'tree') return undefined;
    const entry = store.tree(current.sha)?.entries.find((e) => e.name === part);
    if (!entry) return undefined;
    current = {
      path: current.path ? `${current.path}/${part}` : part,
      mode: entry.type === 'tree' ? '040000' : entry.mode,
      type: entry.type,
      sha: entry.sha,
    };
  }
  return current;
}
