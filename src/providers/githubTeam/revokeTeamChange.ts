import { rankOf, type DriftChange, type RevokeChange } from '../../core/access/index.js';
import { failedResult } from '../failedResult.js';
import type { AccessTarget, RevokeResult } from '../provider.js';
import { readBackError } from '../readBackError.js';
import { readTeamLevel } from './readTeamLevel.js';
import { teamLocation } from './teamLocation.js';
import type { TeamState } from './teamState.js';
import { deleteTeamMembership, writeTeamMembership } from './writeTeamMembership.js';

/** Performs a planned revocation on a team (lower the role, or remove) and reads it back. */
export async function revokeTeamChange(
  state: TeamState,
  target: AccessTarget,
  change: RevokeChange | DriftChange,
): Promise<RevokeResult> {
  if (change.action === 'none') return { status: 'unchanged', level: change.level };
  try {
    const where = teamLocation(target, state.org);
    if (change.action === 'remove') await deleteTeamMembership(state.octokit, where, target.grantee);
    else await writeTeamMembership(state.octokit, where, target.grantee, change.to);
    const wanted = change.action === 'remove' ? 'none' : change.to;
    const level = await readTeamLevel(state.octokit, where, target.grantee);
    if (rankOf(level) <= rankOf(wanted)) return { status: 'revoked', level };
    const place = `team ${where.org}/${where.team}`;
    throw readBackError({ code: 'not-revoked', login: target.grantee, place, level, wanted });
  } catch (error) {
    return failedResult(error);
  }
}
