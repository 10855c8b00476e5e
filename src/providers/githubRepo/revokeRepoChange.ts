import { rankOf, type DriftChange, type RevokeChange } from '../../core/access/index.js';
import { failedResult } from '../failedResult.js';
import type { AccessTarget, RevokeResult } from '../provider.js';
import { readBackError } from '../readBackError.js';
import { readRepoLevel } from './readRepoLevel.js';
import { repoLocation } from './repoLocation.js';
import type { RepoOctokit } from './repoOctokit.js';
import { deleteRepoAccess, writeRepoPermission } from './writeRepoAccess.js';

const INHERITED =
  'the access may come from a team or the organization base permission, which grantops does not change, or GitHub has not caught up yet (the next sweep checks again)';

/**
 * Performs a planned revocation on a repository (lower the permission, remove the collaborator, or
 * delete the pending invitation) and reads the effective permission back.
 */
export async function revokeRepoChange(
  octokit: RepoOctokit,
  target: AccessTarget,
  change: RevokeChange | DriftChange,
): Promise<RevokeResult> {
  if (change.action === 'none') return { status: 'unchanged', level: change.level };
  try {
    const where = repoLocation(target);
    if (change.action === 'remove') await deleteRepoAccess(octokit, where, target.grantee, change.from);
    else await writeRepoPermission(octokit, where, target.grantee, change.to);
    const wanted = change.action === 'remove' ? 'none' : change.to;
    const level = await readRepoLevel(octokit, where, target.grantee);
    if (rankOf(level) <= rankOf(wanted)) return { status: 'revoked', level };
    const place = `${where.owner}/${where.repo}`;
    throw readBackError({
      code: 'not-revoked',
      login: target.grantee,
      place,
      level,
      wanted,
      hint: INHERITED,
    });
  } catch (error) {
    return failedResult(error);
  }
}
