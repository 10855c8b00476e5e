import { randomBytes } from 'node:crypto';
import type { Core } from './core.js';
import { flattenTree, lookupPath } from './git/trees.js';
import type { HttpResult } from './http.js';
import { resolveRef } from './ops/refs.js';
import { findRepo, repoKey } from './state/state.js';
import type { Repo } from './state/types.js';
import { createTarball } from './tarball.js';

const TOKEN_TTL_MS = 5 * 60 * 1000;

/**
 * The URL GitHub's archive endpoints redirect to (codeload), served by the emulator itself.
 * Like GitHub's, it carries a short-lived token instead of needing the Authorization header.
 */
export function codeloadUrl(core: Core, repo: Repo, ref: string): string {
  const token = randomBytes(16).toString('hex');
  core.state.codeloadTokens.set(token, {
    repo: repoKey(repo.owner, repo.name),
    expiresAt: Date.now() + TOKEN_TTL_MS,
  });
  return `${core.url}/_codeload/${repo.owner}/${repo.name}/legacy.tar.gz/${encodeURIComponent(ref)}?token=${token}`;
}

/** A `download_url` for a file: served by the emulator like raw.githubusercontent.com, with a token. */
export function rawUrl(core: Core, repo: Repo, commitSha: string, path: string): string {
  const token = randomBytes(16).toString('hex');
  core.state.codeloadTokens.set(token, {
    repo: repoKey(repo.owner, repo.name),
    expiresAt: Date.now() + TOKEN_TTL_MS,
  });
  return `${core.url}/_raw/${repo.owner}/${repo.name}/${commitSha}/${path.split('/').map(encodeURIComponent).join('/')}?token=${token}`;
}

function allowedRepo(core: Core, owner: string, name: string, query: URLSearchParams): Repo | undefined {
  const repo = findRepo(core.state, decodeURIComponent(owner), decodeURIComponent(name));
  const token = core.state.codeloadTokens.get(query.get('token') ?? '');
  if (!repo) return undefined;
  if (!repo.private) return repo;
  const valid = token && token.repo === repoKey(repo.owner, repo.name) && token.expiresAt > Date.now();
  return valid ? repo : undefined;
}

const MISSING: HttpResult = {
  status: 404,
  raw: Buffer.from('404: Not Found'),
  headers: { 'content-type': 'text/plain' },
};

/** Serves `/_raw/{owner}/{repo}/{sha}/{path}`: one file's bytes. */
export function serveRaw(core: Core, path: string, query: URLSearchParams): HttpResult {
  const m = /^\/_raw\/([^/]+)\/([^/]+)\/([0-9a-f]{40})\/(.+)$/.exec(path);
  const repo = m ? allowedRepo(core, m[1] as string, m[2] as string, query) : undefined;
  const tree = m && repo ? repo.git.commit(m[3] as string)?.tree : undefined;
  const entry =
    m && repo && tree ? lookupPath(repo.git, tree, decodeURIComponent(m[4] as string)) : undefined;
  const blob = entry && repo ? repo.git.blob(entry.sha) : undefined;
  return blob
    ? { status: 200, raw: blob.content, headers: { 'content-type': 'text/plain; charset=utf-8' } }
    : MISSING;
}

/** Serves `/_codeload/{owner}/{repo}/legacy.tar.gz/{ref}`: the gzip tarball of the ref. */
export function serveCodeload(core: Core, path: string, query: URLSearchParams): HttpResult {
  const m = /^\/_codeload\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/(.+)$/.exec(path);
  const repo = m ? allowedRepo(core, m[1] as string, m[2] as string, query) : undefined;
  if (!m || !repo) return MISSING;
  const sha = resolveRef(repo, decodeURIComponent(m[3] as string));
  const commit = sha ? repo.git.commit(sha) : undefined;
  if (!sha || !commit) return MISSING;
  const files = [...flattenTree(repo.git, commit.tree)].flatMap(([filePath, entry]) => {
    const blob = entry.type === 'blob' ? repo.git.blob(entry.sha) : undefined;
    return blob ? [{ path: filePath, content: blob.content, mode: entry.mode }] : [];
  });
  const folder = `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`;
  const raw = createTarball({ folder, commitSha: sha, files, mtime: new Date(commit.committer.date) });
  return {
    status: 200,
    raw,
    headers: {
      'content-type': 'application/x-gzip',
      'content-disposition': `attachment; filename=${folder}.tar.gz`,
    },
  };
}
