import { timestamp, type Core } from '../core.js';
import { GitStore } from '../git/objects.js';
import { commitFiles } from '../ops/commitFiles.js';
import { findApp, findRepo, findUser, repoKey } from '../state/state.js';
import type { BranchProtection, Environment, Repo, RepoPermission, RepoSettings } from '../state/types.js';
import { requireUser } from './accounts.js';

/** A repository to create, with its first commit on the default branch. */
export interface RepoSeed {
  owner: string;
  name: string;
  private?: boolean;
  description?: string;
  defaultBranch?: string;
  /** Files of the first commit: path → content. An empty repository when omitted. */
  files?: Record<string, string | Buffer>;
  message?: string;
  /** Author of the first commit; the owner (or its first admin) when omitted. */
  author?: string;
  /** Direct collaborators: login → permission. */
  collaborators?: Record<string, RepoPermission>;
  settings?: Partial<RepoSettings>;
}

export function seedRepo(core: Core, seed: RepoSeed): Repo {
  const owner = findUser(core.state, seed.owner);
  if (!owner) throw new Error(`emulator: no account ${seed.owner}; create the org or user first`);
  if (findRepo(core.state, owner.login, seed.name))
    throw new Error(`emulator: repository ${seed.owner}/${seed.name} already exists`);
  const now = timestamp(core);
  const repo: Repo = {
    id: core.state.nextId(),
    owner: owner.login,
    name: seed.name,
    private: seed.private ?? true,
    description: seed.description ?? null,
    defaultBranch: seed.defaultBranch ?? 'main',
    createdAt: now,
    updatedAt: now,
    pushedAt: now,
    settings: {
      allowMergeCommit: true,
      allowSquashMerge: true,
      allowRebaseMerge: true,
      deleteBranchOnMerge: false,
      ...seed.settings,
    },
    git: new GitStore(),
    refs: new Map(),
    issues: new Map(),
    comments: new Map(),
    labels: new Map(),
    collaborators: new Map(
      Object.entries(seed.collaborators ?? {}).map(([login, p]) => [
        requireUser(core, login).login.toLowerCase(),
        p,
      ]),
    ),
    invitations: new Map(),
    checkRuns: new Map(),
    statuses: [],
    protections: new Map(),
    environments: new Map(),
    deployments: new Map(),
    workflowRuns: new Map(),
    commitComments: new Map(),
  };
  core.state.repos.set(repoKey(repo.owner, repo.name), repo);
  if (seed.files) {
    const org = core.state.orgs.get(owner.login.toLowerCase());
    const author =
      seed.author ?? [...(org?.members ?? [])].find(([, r]) => r === 'admin')?.[0] ?? owner.login;
    commitFiles(core, {
      repo,
      branch: repo.defaultBranch,
      files: seed.files,
      message: seed.message ?? 'Initial commit',
      actor: author,
      silent: true,
    });
  }
  return repo;
}

export function requireRepo(core: Core, fullName: string): Repo {
  const [owner, name] = fullName.split('/');
  const repo = owner && name ? findRepo(core.state, owner, name) : undefined;
  if (!repo) throw new Error(`emulator: no repository ${fullName}`);
  return repo;
}

/** Branch protection rules to set on a branch. */
export interface ProtectionSeed {
  repo: string;
  branch: string;
  /** Check run names or status contexts that must succeed on the head. */
  requiredStatusChecks?: string[];
  strict?: boolean;
  requiredApprovingReviewCount?: number;
  /** Refuse direct pushes (changes only through pull requests). */
  requirePullRequest?: boolean;
  /** Logins that bypass the rules (users or `slug[bot]`). */
  bypassActors?: string[];
}

export function seedProtection(core: Core, seed: ProtectionSeed): BranchProtection {
  const rules: BranchProtection = {
    requiredStatusChecks: seed.requiredStatusChecks ?? [],
    strict: seed.strict ?? false,
    requiredApprovingReviewCount: seed.requiredApprovingReviewCount ?? 0,
    requirePullRequest: seed.requirePullRequest ?? false,
    bypassActors: seed.bypassActors ?? [],
  };
  requireRepo(core, seed.repo).protections.set(seed.branch, rules);
  return rules;
}

/** An environment, optionally guarded by Apps' custom deployment protection rules. */
export interface EnvironmentSeed {
  repo: string;
  name: string;
  /** Apps (slug or id) whose protection rule guards deployments to it. */
  protectedBy?: Array<string | number>;
}

export function seedEnvironment(core: Core, seed: EnvironmentSeed): Environment {
  const repo = requireRepo(core, seed.repo);
  const now = timestamp(core);
  const env: Environment = {
    id: core.state.nextId(),
    name: seed.name,
    createdAt: now,
    updatedAt: now,
    protectionAppIds: (seed.protectedBy ?? []).map((a) => {
      const app = findApp(core.state, a);
      if (!app) throw new Error(`emulator: no app ${String(a)}`);
      return app.id;
    }),
  };
  repo.environments.set(seed.name.toLowerCase(), env);
  return env;
}
