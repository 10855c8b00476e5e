import type { RepoPermission } from '../../core/types.js';

/** A user on a repository, for the collaborator endpoints. */
export type RepoUserParams = { owner: string; repo: string; username: string };

/** One page of a repository list. */
export type RepoPageParams = { owner: string; repo: string; per_page: number; page: number };

/**
 * A collaborator's permission as GitHub describes it: `role_name` (read, triage, write, maintain,
 * admin or a custom role), the legacy `permission` (permission endpoint) or `permissions` flags (lists).
 */
export type CollaboratorPermission = {
  role_name?: string;
  permission?: string;
  permissions?: { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean; pull?: boolean };
};

/**
 * The slice of Octokit the github-repo provider calls. A real `Octokit` fits, and so does a plain
 * object in tests.
 */
export interface RepoOctokit {
  rest: {
    repos: {
      getCollaboratorPermissionLevel(
        params: RepoUserParams,
      ): Promise<{ data: { permission: string; role_name?: string } }>;
      addCollaborator(params: RepoUserParams & { permission: RepoPermission }): Promise<{ status: number }>;
      removeCollaborator(params: RepoUserParams): Promise<unknown>;
      listInvitations(
        params: RepoPageParams,
      ): Promise<{ data: readonly { id: number; invitee: { login: string } | null }[] }>;
      deleteInvitation(params: { owner: string; repo: string; invitation_id: number }): Promise<unknown>;
      listCollaborators(
        params: RepoPageParams & { affiliation: 'direct' },
      ): Promise<{ data: readonly ({ login: string } & CollaboratorPermission)[] }>;
    };
  };
}
