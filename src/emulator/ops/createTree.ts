import { flattenTree, buildTree, type FlatTree } from '../git/trees.js';
import { validationFailed, unprocessable } from '../http.js';
import type { Repo } from '../state/types.js';

const MODES = new Set(['100644', '100755', '040000', '160000', '120000']);

function invalid(field: string): Error {
  return validationFailed([{ resource: 'Tree', field, code: 'invalid' }], 'Invalid tree info');
}

function removePrefix(files: FlatTree, dir: string): void {
  for (const path of [...files.keys()]) if (path === dir || path.startsWith(`${dir}/`)) files.delete(path);
}

/**
 * `POST /git/trees`: applies entries (paths may contain slashes; `sha: null` deletes; `content`
 * writes a blob; a tree entry splices a subtree) onto `base_tree`, or onto nothing.
 */
export function createTree(repo: Repo, params: { baseTree: string | undefined; entries: unknown[] }): string {
  let files: FlatTree = new Map();
  if (params.baseTree !== undefined) {
    if (!repo.git.tree(params.baseTree)) throw unprocessable('base_tree is not a valid tree oid');
    files = flattenTree(repo.git, params.baseTree);
  }
  for (const raw of params.entries) {
    if (typeof raw !== 'object' || raw === null) throw invalid('tree');
    const entry = raw as Record<string, unknown>;
    const path = entry['path'];
    const mode = entry['mode'] === '040000' || entry['mode'] === '40000' ? '040000' : entry['mode'];
    const type = entry['type'] ?? (mode === '040000' ? 'tree' : 'blob');
    if (typeof path !== 'string' || path === '' || path.startsWith('/')) throw invalid('path');
    if (typeof mode !== 'string' || !MODES.has(mode)) throw invalid('mode');
    if (type !== 'blob' && type !== 'tree' && type !== 'commit') throw invalid('type');
    if (typeof entry['content'] === 'string') {
      if (type !== 'blob') throw invalid('content');
      files.set(path, { mode, type: 'blob', sha: repo.git.putBlob(Buffer.from(entry['content'], 'utf8')) });
      continue;
    }
    const sha = entry['sha'];
    if (sha === null) {
      removePrefix(files, path);
      continue;
    }
    if (typeof sha !== 'string') throw invalid('sha');
    if (type === 'tree') {
      if (!repo.git.tree(sha)) throw invalid('sha');
      removePrefix(files, path);
      for (const [sub, e] of flattenTree(repo.git, sha)) files.set(`${path}/${sub}`, e);
    } else if (type === 'blob') {
      if (!repo.git.blob(sha)) throw invalid('sha');
      removePrefix(files, path);
      files.set(path, { mode, type: 'blob', sha });
    } else files.set(path, { mode, type: 'commit', sha });
  }
  return buildTree(repo.git, files);
}
