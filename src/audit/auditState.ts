import type { OctokitClient } from '../github/octokit/state.js';
import type { RepoId } from '../github/port.js';

/** What every audit read takes first: the client, the grants repository, and where GitHub is. */
export interface AuditState {
  octokit: OctokitClient;
  repo: RepoId;
  /** The API's base URL, named in error messages. */
  apiUrl: string;
}
