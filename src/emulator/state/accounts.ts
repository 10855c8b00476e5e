/** Accounts, Apps, installations and tokens. */
import type { KeyObject } from 'node:crypto';

/** A repository permission as the collaborators API names it. */
export type RepoPermission = 'pull' | 'triage' | 'push' | 'maintain' | 'admin';

/** An installation's access to one permission. */
export type PermissionLevel = 'read' | 'write';

export interface User {
  id: number;
  login: string;
  type: 'User' | 'Bot' | 'Organization';
  name: string;
  email: string;
  createdAt: string;
}

export interface OrgInvitation {
  id: number;
  login: string;
  role: 'admin' | 'direct_member';
  inviter: string;
  createdAt: string;
}

export interface Org {
  id: number;
  login: string;
  name: string;
  /** login (lower case) → role */
  members: Map<string, 'admin' | 'member'>;
  invitations: Map<string, OrgInvitation>;
  /** What every member can do on every repository of the org (GitHub's base permission). */
  basePermission: RepoPermission | 'none';
  createdAt: string;
}

export type TeamRole = 'member' | 'maintainer';

export interface Team {
  id: number;
  org: string;
  slug: string;
  name: string;
  description: string | null;
  privacy: 'closed' | 'secret';
  /** Active members: login (lower case) → role. */
  members: Map<string, TeamRole>;
  /** Memberships waiting for an org invitation to be accepted. */
  pending: Map<string, TeamRole>;
  /** Repository full name (lower case) → permission granted to the team. */
  repos: Map<string, RepoPermission>;
  createdAt: string;
}

export interface App {
  id: number;
  slug: string;
  name: string;
  owner: string;
  clientId: string;
  privateKey: string;
  publicKey: KeyObject;
  webhookSecret: string;
  webhookUrl: string | null;
  /** Subscribed events; `null` means all. */
  events: string[] | null;
  permissions: Record<string, PermissionLevel>;
  createdAt: string;
}

export interface Installation {
  id: number;
  appId: number;
  account: string;
  targetType: 'Organization' | 'User';
  repositorySelection: 'all' | 'selected';
  repositoryIds: Set<number>;
  permissions: Record<string, PermissionLevel>;
  createdAt: string;
}

/** What a token stands for. */
export type TokenGrant =
  | { kind: 'user'; login: string }
  | {
      kind: 'installation';
      installationId: number;
      expiresAt: number;
      permissions: Record<string, PermissionLevel>;
      repositoryIds: Set<number> | null;
    };
