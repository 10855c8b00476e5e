import { htmlUrl, repoUrl, type Core } from '../core.js';
import type { Repo } from '../state/types.js';
import { renderCommitSha } from './git.js';

/** A branch as the branches API returns it (`full` adds the commit and links). */
export function renderBranch(core: Core, repo: Repo, name: string, full: boolean): Record<string, unknown> {
  const sha = repo.refs.get(`refs/heads/${name}`) ?? '';
  const rules = repo.protections.get(name);
  const base = {
    name,
    commit: full ? renderCommitSha(core, repo, sha) : { sha, url: `${repoUrl(core, repo)}/commits/${sha}` },
    protected: rules !== undefined,
  };
  if (!full) return base;
  return {
    ...base,
    _links: {
      self: `${repoUrl(core, repo)}/branches/${name}`,
      html: htmlUrl(core, `${repo.owner}/${repo.name}/tree/${name}`),
    },
    protection: {
      enabled: rules !== undefined,
      required_status_checks: {
        enforcement_level: rules && rules.requiredStatusChecks.length > 0 ? 'non_admins' : 'off',
        contexts: rules?.requiredStatusChecks ?? [],
        checks: (rules?.requiredStatusChecks ?? []).map((context) => ({ context, app_id: null })),
      },
    },
    protection_url: `${repoUrl(core, repo)}/branches/${name}/protection`,
  };
}
