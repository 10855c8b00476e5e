import type { RepoId } from '../../github/port.js';
import type { GrantsRepoSetting } from './parseGrantsRepoSetting.js';

/** The grants repository for an installation on `account`: the configured owner, else that account. */
export function resolveGrantsRepo(setting: GrantsRepoSetting, account: string): RepoId {
  return { owner: setting.owner ?? account, repo: setting.name };
}
