import { createHash } from 'node:crypto';

/** A person in a commit, as git records it. */
export interface GitSignature {
  name: string;
  email: string;
  /** ISO 8601 time, second precision. */
  date: string;
}

/** One entry of a git tree. */
export interface TreeEntry {
  name: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export interface GitBlob {
  type: 'blob';
  content: Buffer;
}

export interface GitTree {
  type: 'tree';
  entries: TreeEntry[];
}

export interface GitCommit {
  type: 'commit';
  tree: string;
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  message: string;
  /** GitHub logins behind the signatures (GitHub maps emails to accounts; the emulator remembers). */
  authorLogin: string | null;
  committerLogin: string | null;
}

export type GitObject = GitBlob | GitTree | GitCommit;

/** Git's tree order: names compare as bytes, with trees compared as if they ended in `/`. */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const ka = a.type === 'tree' ? `${a.name}/` : a.name;
  const kb = b.type === 'tree' ? `${b.name}/` : b.name;
  return Buffer.compare(Buffer.from(ka), Buffer.from(kb));
}

function gitTime(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)} +0000`;
}

function hashObject(type: string, body: Buffer): string {
  const header = Buffer.from(`${type} ${body.length}\0`);
  return createHash('sha1').update(header).update(body).digest('hex');
}

/**
 * A repository's object database. Object ids are real git SHA-1s, so shas look and behave like
 * GitHub's (the empty tree is 4b825dc…, identical content shares a blob).
 */
export class GitStore {
  private readonly objects = new Map<string, GitObject>();

  /** Stores a blob and returns its sha. */
  putBlob(content: Buffer): string {
    const sha = hashObject('blob', content);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'blob', content });
    return sha;
  }

  /** Stores a tree (entries in any order) and returns its sha. */
  putTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort(treeOrder);
    const body = Buffer.concat(
      sorted.flatMap((e) => [
        Buffer.from(`${e.type === 'tree' ? '40000' : e.mode} ${e.name}\0`),
        Buffer.from(e.sha, 'hex'),
      ]),
    );
    const sha = hashObject('tree', body);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'tree', entries: sorted });
    return sha;
  }

  /** Stores a commit and returns its sha. */
  putCommit(commit: Omit<GitCommit, 'type'>): string {
    const lines = [
      `tree ${commit.tree}`,
      ...commit.parents.map((p) => `parent ${p}`),
      `author ${commit.author.name} <${commit.author.email}> ${gitTime(commit.author.date)}`,
      `committer ${commit.committer.name} <${commit.committer.email}> ${gitTime(commit.committer.date)}`,
      '',
      commit.message,
    ];
    const sha = hashObject('commit', Buffer.from(lines.join('\n')));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'commit', ...commit });
    return sha;
  }

  /** The object with that sha, if any. */
  get(sha: string): GitObject | undefined {
    return this.objects.get(sha);
  }

  blob(sha: string): GitBlob | undefined {
    const o = this.objects.get(sha);
    return o?.type === 'blob' ? o : undefined;
  }

  tree(sha: string): GitTree | undefined {
    const o = this.objects.get(sha);
    return o?.type === 'tree' ? o : undefined;
  }

  commit(sha: string): GitCommit | undefined {
    const o = this.objects.get(sha);
    return o?.type === 'commit' ? o : undefined;
  }

  /** Commit shas starting with `prefix` (for abbreviated shas). */
  commitsByPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (const [sha, o] of this.objects) if (o.type === 'commit' && sha.startsWith(prefix)) out.push(sha);
    return out;
  }
}
