import { userRepoPermission } from '../access.js';
import type { Actor } from '../auth.js';
import { htmlUrl, repoUrl, type Core } from '../core.js';
import { findOrg } from '../state/state.js';
import type { Repo, RepoPermission } from '../state/types.js';
import { renderUser } from './users.js';

/** `permissions` flags of a repository or collaborator for one permission. */
export function permissionFlags(permission: RepoPermission | null): Record<string, boolean> {
  const rank = permission ? ['pull', 'triage', 'push', 'maintain', 'admin'].indexOf(permission) : -1;
  return { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 };
}

/** A repository object as the REST API and webhooks embed it. */
export function renderRepo(core: Core, repo: Repo, actor?: Actor): Record<string, unknown> {
  const url = repoUrl(core, repo);
  const html = htmlUrl(core, `${repo.owner}/${repo.name}`);
  const open = [...repo.issues.values()].filter((i) => i.state === 'open').length;
  const body: Record<string, unknown> = {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
    owner: renderUser(core, repo.owner),
    html_url: html,
    description: repo.description,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    commits_url: `${url}/commits{/sha}`,
    contents_url: `${url}/contents/{+path}`,
    deployments_url: `${url}/deployments`,
    git_refs_url: `${url}/git/refs{/sha}`,
    issues_url: `${url}/issues{/number}`,
    labels_url: `${url}/labels{/name}`,
    pulls_url: `${url}/pulls{/number}`,
    trees_url: `${url}/git/trees{/sha}`,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    git_url: `${html.replace(/^https?:/, 'git:')}.git`,
    ssh_url: `git@emulator:${repo.owner}/${repo.name}.git`,
    clone_url: `${html}.git`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    forks_count: 0,
    archived: false,
    disabled: false,
    open_issues_count: open,
    license: null,
    allow_forking: false,
    is_template: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: open,
    watchers: 0,
    default_branch: repo.defaultBranch,
    allow_squash_merge: repo.settings.allowSquashMerge,
    allow_merge_commit: repo.settings.allowMergeCommit,
    allow_rebase_merge: repo.settings.allowRebaseMerge,
    delete_branch_on_merge: repo.settings.deleteBranchOnMerge,
  };
  if (actor?.kind === 'user')
    body['permissions'] = permissionFlags(userRepoPermission(core.state, repo, actor.login));
  if (actor?.kind === 'installation') body['permissions'] = permissionFlags('admin');
  const org = findOrg(core.state, repo.owner);
  if (org && actor) body['organization'] = renderUser(core, org.login);
  return body;
}
