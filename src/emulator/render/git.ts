import { htmlUrl, repoUrl, type Core } from '../core.js';
import type { GitCommit } from '../git/objects.js';
import type { ListedEntry } from '../git/trees.js';
import type { Repo } from '../state/types.js';
import { renderUser } from './users.js';

/** Base64 wrapped at 60 columns with a trailing newline, as GitHub encodes blob and file content. */
export function wrapBase64(content: Buffer): string {
  const b64 = content.toString('base64');
  return b64.length === 0 ? '' : `${b64.match(/.{1,60}/g)?.join('\n') ?? ''}\n`;
}

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

/** A commit as the git data API shows it (`GET /git/commits/{sha}`). */
export function renderGitCommit(
  core: Core,
  repo: Repo,
  sha: string,
  commit: GitCommit,
): Record<string, unknown> {
  const url = repoUrl(core, repo);
  return {
    sha,
    node_id: Buffer.from(`06:Commit${repo.id}:${sha}`).toString('base64'),
    url: `${url}/git/commits/${sha}`,
    html_url: htmlUrl(core, `${repo.owner}/${repo.name}/commit/${sha}`),
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${url}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${url}/git/commits/${p}`,
      html_url: htmlUrl(core, `${repo.owner}/${repo.name}/commit/${p}`),
    })),
    verification: UNSIGNED,
  };
}

/** A commit as the repository commits API shows it (`GET /repos/{o}/{r}/commits/{ref}`), without files. */
export function renderRepoCommit(
  core: Core,
  repo: Repo,
  sha: string,
  commit: GitCommit,
): Record<string, unknown> {
  const url = repoUrl(core, repo);
  return {
    sha,
    node_id: Buffer.from(`06:Commit${repo.id}:${sha}`).toString('base64'),
    commit: {
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { sha: commit.tree, url: `${url}/git/trees/${commit.tree}` },
      url: `${url}/git/commits/${sha}`,
      comment_count: 0,
      verification: UNSIGNED,
    },
    url: `${url}/commits/${sha}`,
    html_url: htmlUrl(core, `${repo.owner}/${repo.name}/commit/${sha}`),
    comments_url: `${url}/commits/${sha}/comments`,
    author: commit.authorLogin ? renderUser(core, commit.authorLogin) : null,
    committer: commit.committerLogin ? renderUser(core, commit.committerLogin) : null,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${url}/commits/${p}`,
      html_url: htmlUrl(core, `${repo.owner}/${repo.name}/commit/${p}`),
    })),
  };
}

/** A git reference (`GET /git/ref/{ref}`). */
export function renderRef(core: Core, repo: Repo, ref: string, sha: string): Record<string, unknown> {
  const url = repoUrl(core, repo);
  return {
    ref,
    node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString('base64'),
    url: `${url}/git/${ref}`,
    object: { sha, type: 'commit', url: `${url}/git/commits/${sha}` },
  };
}

/** One entry of a tree listing, with `size` for blobs. */
export function renderTreeEntry(core: Core, repo: Repo, entry: ListedEntry): Record<string, unknown> {
  const url = repoUrl(core, repo);
  const base: Record<string, unknown> = {
    path: entry.path,
    mode: entry.mode,
    type: entry.type,
    sha: entry.sha,
  };
  if (entry.type === 'blob') {
    base['size'] = repo.git.blob(entry.sha)?.content.length ?? 0;
    base['url'] = `${url}/git/blobs/${entry.sha}`;
  } else if (entry.type === 'tree') base['url'] = `${url}/git/trees/${entry.sha}`;
  return base;
}

/** `renderRepoCommit` by sha; the commit must exist. */
export function renderCommitSha(core: Core, repo: Repo, sha: string): Record<string, unknown> {
  const commit = repo.git.commit(sha);
  if (!commit) throw new Error(`emulator: commit ${sha} is missing from ${repo.owner}/${repo.name}`);
  return renderRepoCommit(core, repo, sha, commit);
}
