import { rankOf, type ApplyChange } from '../../core/access/index.js';
import { failedResult } from '../failedResult.js';
import type { AccessTarget, ApplyResult } from '../provider.js';
import { readBackError } from '../readBackError.js';
import { readRepoLevel } from './readRepoLevel.js';
import { repoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';
import { writeRepoPermission } from './writeRepoAccess.js';

/** Performs a planned grant on a repository: an invitation (201) is pending; otherwise it is read back. */
export async function applyRepoChange(
  octokit: RepoOctokit,
  target: AccessTarget,
  change: ApplyChange,
): Promise<ApplyResult> {
  if (change.action === 'none') return { status: 'unchanged', level: change.level };
  try {
    const where = repoLocation(target);
    const { status } = await writeRepoPermission(octokit, where, target.grantee, change.to);
    if (status === 201) return { status: 'pending', level: 'invited' };
    const level = await readRepoLevel(octokit, where, target.grantee);
    if (rankOf(level) >= rankOf(change.to)) return { status: 'applied', level };
    const place = `${where.owner}/${where.repo}`;
    throw readBackError({ code: 'not-applied', login: target.grantee, place, level, wanted: change.to });
  } catch (error) {
    return failedResult(error);
  }
}
