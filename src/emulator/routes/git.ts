import type { GitSignature } from '../git/objects.js';
import { isAncestor } from '../git/history.js';
import { listTree } from '../git/trees.js';
import { notFound, RAW_HEADERS, unprocessable, validationFailed, wantsRaw } from '../http.js';
import { optArray, optBool, optObject, optString, reqString } from '../input.js';
import { repoUrl } from '../core.js';
import { renderGitCommit, renderRef, renderTreeEntry, wrapBase64 } from '../render/git.js';
import type { RouteDef } from '../router.js';
import { signatureFor } from '../ops/commitFiles.js';
import { updateRef } from '../ops/updateRef.js';
import { checkPushAllowed } from '../ops/pushRules.js';
import { created, noContent, ok, param, repoRoute } from './define.js';
import { createTree } from '../ops/createTree.js';
import { treeOf } from '../ops/refs.js';

const contents = { permission: 'contents' };

function signature(value: Record<string, unknown> | undefined, fallback: GitSignature): GitSignature {
  if (!value) return fallback;
  return {
    name: typeof value['name'] === 'string' ? value['name'] : fallback.name,
    email: typeof value['email'] === 'string' ? value['email'] : fallback.email,
    date:
      typeof value['date'] === 'string'
        ? new Date(value['date']).toISOString().replace(/\.\d{3}Z$/, 'Z')
        : fallback.date,
  };
}

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

/** Git data: blobs, trees, commits and refs. */
export const gitRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/git/blobs/{file_sha}', contents, (ctx) => {
    const sha = param(ctx, 'file_sha');
    const blob = ctx.repo.git.blob(sha);
    if (!blob) throw notFound();
    if (wantsRaw(ctx.headers.accept)) return { status: 200, raw: blob.content, headers: RAW_HEADERS };
    return ok({
      sha,
      node_id: Buffer.from(`04:Blob${ctx.repo.id}:${sha}`).toString('base64'),
      size: blob.content.length,
      url: `${repoUrl(ctx.core, ctx.repo)}/git/blobs/${sha}`,
      content: wrapBase64(blob.content),
      encoding: 'base64',
    });
  }),
  repoRoute('POST', '/repos/{owner}/{repo}/git/blobs', contents, (ctx) => {
    const content = reqString(ctx.body, 'content');
    const encoding = optString(ctx.body, 'encoding') ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'base64')
      throw validationFailed([{ resource: 'Blob', field: 'encoding', code: 'invalid' }]);
    const sha = ctx.repo.git.putBlob(Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'));
    return created({ sha, url: `${repoUrl(ctx.core, ctx.repo)}/git/blobs/${sha}` });
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', contents, (ctx) => {
    const ref = param(ctx, 'tree_sha');
    const sha = ctx.repo.git.tree(ref) ? ref : treeOf(ctx.repo, ref);
    if (!sha) throw notFound();
    const recursive = ['1', 'true'].includes(ctx.query.get('recursive') ?? '');
    const entries = listTree(ctx.repo.git, sha, recursive).map((e) => renderTreeEntry(ctx.core, ctx.repo, e));
    return ok({
      sha,
      url: `${repoUrl(ctx.core, ctx.repo)}/git/trees/${sha}`,
      tree: entries,
      truncated: false,
    });
  }),
  repoRoute('POST', '/repos/{owner}/{repo}/git/trees', contents, (ctx) => {
    const sha = createTree(ctx.repo, {
      baseTree: optString(ctx.body, 'base_tree'),
      entries: optArray(ctx.body, 'tree') ?? [],
    });
    const entries = listTree(ctx.repo.git, sha, false).map((e) => renderTreeEntry(ctx.core, ctx.repo, e));
    return created({
      sha,
      url: `${repoUrl(ctx.core, ctx.repo)}/git/trees/${sha}`,
      tree: entries,
      truncated: false,
    });
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}', contents, (ctx) => {
    const sha = param(ctx, 'commit_sha');
    const commit = ctx.repo.git.commit(sha);
    if (!commit) throw notFound();
    return ok(renderGitCommit(ctx.core, ctx.repo, sha, commit));
  }),
  repoRoute('POST', '/repos/{owner}/{repo}/git/commits', contents, (ctx) => {
    const message = reqString(ctx.body, 'message');
    const tree = reqString(ctx.body, 'tree');
    const parents = (optArray(ctx.body, 'parents') ?? []).map(String);
    if (!ctx.repo.git.tree(tree))
      throw validationFailed(
        [{ resource: 'Commit', field: 'tree', code: 'invalid' }],
        `Tree SHA does not exist`,
      );
    for (const p of parents)
      if (!ctx.repo.git.commit(p)) throw unprocessable('Parent SHA does not exist or is not a commit object');
    const login = ctx.actor.login ?? 'ghost';
    const fallback = signatureFor(ctx.core, login);
    const author = signature(optObject(ctx.body, 'author'), fallback);
    const committer = signature(
      optObject(ctx.body, 'committer'),
      optObject(ctx.body, 'author') ? author : fallback,
    );
    const sha = ctx.repo.git.putCommit({
      tree,
      parents,
      author,
      committer,
      message,
      authorLogin: login,
      committerLogin: login,
    });
    const commit = {
      type: 'commit' as const,
      tree,
      parents,
      author,
      committer,
      message,
      authorLogin: login,
      committerLogin: login,
    };
    return created(renderGitCommit(ctx.core, ctx.repo, sha, commit));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/git/ref/{ref}', contents, (ctx) => {
    const ref = fullRef(param(ctx, 'ref'));
    const sha = ctx.repo.refs.get(ref);
    if (!sha) throw notFound();
    return ok(renderRef(ctx.core, ctx.repo, ref, sha));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/git/matching-refs/{ref}', contents, (ctx) => {
    const prefix = fullRef(ctx.params['ref'] ?? '');
    const refs = [...ctx.repo.refs]
      .filter(([name]) => name.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return ok(refs.map(([name, sha]) => renderRef(ctx.core, ctx.repo, name, sha)));
  }),
  repoRoute('POST', '/repos/{owner}/{repo}/git/refs', contents, (ctx) => {
    const ref = reqString(ctx.body, 'ref');
    const sha = reqString(ctx.body, 'sha');
    if (!/^refs\/[^/]+\/.+/.test(ref))
      throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
    if (ctx.repo.refs.has(ref)) throw unprocessable('Reference already exists');
    if (!ctx.repo.git.commit(sha)) throw unprocessable('Object does not exist');
    checkPushAllowed(ctx.repo, ref, ctx.actor.login);
    updateRef(ctx.core, { repo: ctx.repo, ref, sha, actor: ctx.actor.login ?? 'ghost' });
    return created(renderRef(ctx.core, ctx.repo, ref, sha));
  }),
  repoRoute('PATCH', '/repos/{owner}/{repo}/git/refs/{ref}', contents, (ctx) => {
    const ref = fullRef(param(ctx, 'ref'));
    const sha = reqString(ctx.body, 'sha');
    const force = optBool(ctx.body, 'force') ?? false;
    const current = ctx.repo.refs.get(ref);
    if (!current) throw unprocessable('Reference does not exist');
    if (!ctx.repo.git.commit(sha)) throw unprocessable('Object does not exist');
    const fastForward = isAncestor(ctx.repo.git, current, sha);
    if (!fastForward && !force) throw unprocessable('Update is not a fast forward');
    checkPushAllowed(ctx.repo, ref, ctx.actor.login);
    if (current !== sha)
      updateRef(ctx.core, {
        repo: ctx.repo,
        ref,
        sha,
        actor: ctx.actor.login ?? 'ghost',
        forced: !fastForward,
      });
    return ok(renderRef(ctx.core, ctx.repo, ref, sha));
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/git/refs/{ref}', contents, (ctx) => {
    const ref = fullRef(param(ctx, 'ref'));
    if (!ctx.repo.refs.has(ref)) throw unprocessable('Reference does not exist');
    checkPushAllowed(ctx.repo, ref, ctx.actor.login);
    updateRef(ctx.core, { repo: ctx.repo, ref, sha: null, actor: ctx.actor.login ?? 'ghost' });
    return noContent();
  }),
];
