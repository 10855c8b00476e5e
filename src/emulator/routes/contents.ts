import { htmlUrl, repoUrl, type Core } from '../core.js';
import { lookupPath, listTree, type ListedEntry } from '../git/trees.js';
import { conflict, notFound, RAW_HEADERS, unprocessable, wantsRaw } from '../http.js';
import { optString, reqString } from '../input.js';
import { codeloadUrl, rawUrl } from '../codeload.js';
import { commitFiles } from '../ops/commitFiles.js';
import { branchHead, resolveRef } from '../ops/refs.js';
import { checkPushAllowed } from '../ops/pushRules.js';
import { renderGitCommit, wrapBase64 } from '../render/git.js';
import type { RouteDef } from '../router.js';
import type { Repo } from '../state/types.js';
import { ok, param, repoRoute, type RepoCtx } from './define.js';

const contents = { permission: 'contents' };

function entryBody(
  core: Core,
  repo: Repo,
  entry: ListedEntry,
  ref: string,
  withContent: boolean,
  commitSha: string,
): Record<string, unknown> {
  const url = `${repoUrl(core, repo)}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
  const type =
    entry.type === 'tree'
      ? 'dir'
      : entry.type === 'commit'
        ? 'submodule'
        : entry.mode === '120000'
          ? 'symlink'
          : 'file';
  const blob = entry.type === 'blob' ? repo.git.blob(entry.sha) : undefined;
  const gitUrl = `${repoUrl(core, repo)}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`;
  const html = htmlUrl(
    core,
    `${repo.owner}/${repo.name}/${entry.type === 'tree' ? 'tree' : 'blob'}/${ref}/${entry.path}`,
  );
  const body: Record<string, unknown> = {
    type,
    ...(withContent && blob ? { encoding: 'base64' } : {}),
    size: blob?.content.length ?? 0,
    name: entry.path.split('/').pop() ?? '',
    path: entry.path,
    ...(withContent && blob ? { content: wrapBase64(blob.content) } : {}),
    sha: entry.sha,
    url,
    git_url: gitUrl,
    html_url: html,
    download_url: blob ? rawUrl(core, repo, commitSha, entry.path) : null,
    _links: { self: url, git: gitUrl, html },
  };
  return body;
}

function branchOf(ctx: RepoCtx): string {
  const branch = optString(ctx.body, 'branch') ?? ctx.repo.defaultBranch;
  if (ctx.repo.refs.size > 0 && !branchHead(ctx.repo, branch)) throw notFound(`Branch ${branch} not found`);
  return branch;
}

function commitResult(ctx: RepoCtx, sha: string): Record<string, unknown> {
  const commit = ctx.repo.git.commit(sha);
  return commit ? renderGitCommit(ctx.core, ctx.repo, sha, commit) : {};
}

/** Contents API and the tarball archive link. */
export const contentsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/contents/{path}', contents, (ctx) => {
    const ref = ctx.query.get('ref') ?? ctx.repo.defaultBranch;
    const sha = resolveRef(ctx.repo, ref);
    const tree = sha ? ctx.repo.git.commit(sha)?.tree : undefined;
    const path = (ctx.params['path'] ?? '').replace(/^\/+|\/+$/g, '');
    const entry = tree ? lookupPath(ctx.repo.git, tree, path) : undefined;
    if (!entry) throw notFound();
    if (entry.type === 'tree')
      return ok(
        listTree(ctx.repo.git, entry.sha, false).map((e) =>
          entryBody(
            ctx.core,
            ctx.repo,
            { ...e, path: path ? `${path}/${e.path}` : e.path },
            ref,
            false,
            sha as string,
          ),
        ),
      );
    if (wantsRaw(ctx.headers.accept)) {
      const blob = ctx.repo.git.blob(entry.sha);
      return {
        status: 200,
        raw: blob?.content ?? Buffer.alloc(0),
        headers: RAW_HEADERS,
      };
    }
    return ok(entryBody(ctx.core, ctx.repo, entry, ref, true, sha as string));
  }),
  repoRoute('PUT', '/repos/{owner}/{repo}/contents/{path}', contents, (ctx) => {
    const path = param(ctx, 'path');
    const message = reqString(ctx.body, 'message');
    const content = Buffer.from(reqString(ctx.body, 'content'), 'base64');
    const branch = branchOf(ctx);
    const head = branchHead(ctx.repo, branch);
    const tree = head ? ctx.repo.git.commit(head)?.tree : undefined;
    const existing = tree ? lookupPath(ctx.repo.git, tree, path) : undefined;
    const sha = optString(ctx.body, 'sha');
    if (existing && existing.type !== 'blob') throw unprocessable(`${path} is a directory`);
    if (existing && sha === undefined) throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing && sha !== existing.sha) throw conflict(`${path} does not match ${sha ?? ''}`);
    checkPushAllowed(ctx.repo, `refs/heads/${branch}`, ctx.actor.login);
    const commitSha = commitFiles(ctx.core, {
      repo: ctx.repo,
      branch,
      files: { [path]: content },
      message,
      actor: ctx.actor.login ?? 'ghost',
    });
    const newTree = ctx.repo.git.commit(commitSha)?.tree ?? '';
    const entry = lookupPath(ctx.repo.git, newTree, path) as ListedEntry;
    return {
      status: existing ? 200 : 201,
      body: {
        content: entryBody(ctx.core, ctx.repo, entry, branch, false, commitSha),
        commit: commitResult(ctx, commitSha),
      },
    };
  }),
  repoRoute('DELETE', '/repos/{owner}/{repo}/contents/{path}', contents, (ctx) => {
    const path = param(ctx, 'path');
    const message = reqString(ctx.body, 'message');
    const sha = reqString(ctx.body, 'sha');
    const branch = branchOf(ctx);
    const head = branchHead(ctx.repo, branch);
    const tree = head ? ctx.repo.git.commit(head)?.tree : undefined;
    const existing = tree ? lookupPath(ctx.repo.git, tree, path) : undefined;
    if (!existing || existing.type !== 'blob') throw notFound();
    if (existing.sha !== sha) throw conflict(`${path} does not match ${sha}`);
    checkPushAllowed(ctx.repo, `refs/heads/${branch}`, ctx.actor.login);
    const commitSha = commitFiles(ctx.core, {
      repo: ctx.repo,
      branch,
      files: { [path]: null },
      message,
      actor: ctx.actor.login ?? 'ghost',
    });
    return ok({ content: null, commit: commitResult(ctx, commitSha) });
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/tarball/{ref}', contents, (ctx) => {
    const ref = ctx.params['ref'] || ctx.repo.defaultBranch;
    if (!resolveRef(ctx.repo, ref)) throw notFound();
    return { status: 302, headers: { location: codeloadUrl(ctx.core, ctx.repo, ref) } };
  }),
];
