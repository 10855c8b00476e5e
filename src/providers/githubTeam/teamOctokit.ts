/** Who and where, for the team membership endpoints. */
export type TeamMembershipParams = {
  org: string;
  team_slug: string;
  username: string;
};

/** A team membership as GitHub returns it (`state: pending` until an org invitation is accepted). */
export interface TeamMembership {
  role: string;
  state: string;
}

/**
 * The slice of Octokit the github-team provider calls. A real `Octokit` fits, and so does a plain
 * object in tests.
 */
export interface TeamOctokit {
  rest: {
    teams: {
      getMembershipForUserInOrg(params: TeamMembershipParams): Promise<{ data: TeamMembership }>;
      addOrUpdateMembershipForUserInOrg(
        params: TeamMembershipParams & { role: 'member' | 'maintainer' },
      ): Promise<{ data: TeamMembership }>;
      removeMembershipForUserInOrg(params: TeamMembershipParams): Promise<unknown>;
      listMembersInOrg(params: {
        org: string;
        team_slug: string;
        role: 'member' | 'maintainer';
        per_page: number;
        page: number;
      }): Promise<{ data: readonly { login: string }[] }>;
      listPendingInvitationsInOrg(params: {
        org: string;
        team_slug: string;
        per_page: number;
        page: number;
      }): Promise<{ data: readonly { login: string | null }[] }>;
    };
  };
}
