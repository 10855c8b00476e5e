import { rankOf, type ApplyChange } from '../../core/access/index.js';
import { failedResult } from '../failedResult.js';
import type { AccessTarget, ApplyResult } from '../provider.js';
import { readBackError } from '../readBackError.js';
import { readTeamLevel } from './readTeamLevel.js';
import { teamLocation } from './teamLocation.js';
import type { TeamState } from './teamState.js';
import { writeTeamMembership } from './writeTeamMembership.js';

/**
 * Performs a planned grant on a team and reads it back. GitHub answers `state: pending` when the
 * person is not an org member yet: that is reported as pending, not applied.
 */
export async function applyTeamChange(
  state: TeamState,
  target: AccessTarget,
  change: ApplyChange,
): Promise<ApplyResult> {
  if (change.action === 'none') return { status: 'unchanged', level: change.level };
  try {
    const where = teamLocation(target, state.org);
    const written = await writeTeamMembership(state.octokit, where, target.grantee, change.to);
    const level = await readTeamLevel(state.octokit, where, target.grantee);
    if (written.state === 'pending' || level === 'pending') return { status: 'pending', level: 'pending' };
    if (rankOf(level) >= rankOf(change.to)) return { status: 'applied', level };
    const place = `team ${where.org}/${where.team}`;
    throw readBackError({ code: 'not-applied', login: target.grantee, place, level, wanted: change.to });
  } catch (error) {
    return failedResult(error);
  }
}
