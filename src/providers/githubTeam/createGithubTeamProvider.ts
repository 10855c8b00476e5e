import type { Provider } from '../provider.js';
import { applyTeamChange } from './applyTeamChange.js';
import { listTeamMembers } from './listTeamMembers.js';
import { readTeamLevel } from './readTeamLevel.js';
import { revokeTeamChange } from './revokeTeamChange.js';
import { teamLocation } from './teamLocation.js';
import type { TeamState } from './teamState.js';

/** What the github-team provider needs: an Octokit slice and the installation's org (the default `org`). */
export type GithubTeamProviderOptions = TeamState;

/**
 * Team membership with a role (member or maintainer). A membership GitHub reports as `pending` (the
 * person is not an org member yet and must accept the invitation) is reported as pending, not applied.
 * Every write is read back. See https://docs.github.com/rest/teams/members.
 */
export function createGithubTeamProvider(options: GithubTeamProviderOptions): Provider {
  const state: TeamState = { octokit: options.octokit, org: options.org };
  return {
    name: 'github-team',
    read: (target) => readTeamLevel(state.octokit, teamLocation(target, state.org), target.grantee),
    apply: (target, change) => applyTeamChange(state, target, change),
    revoke: (target, change) => revokeTeamChange(state, target, change),
    listMembers: (target) => listTeamMembers(state.octokit, teamLocation(target, state.org)),
  };
}
