import type { HttpErrorContext } from '../providerErrorFromHttp.js';
import type { RepoLocation } from './repoLocation.js';

/** What to tell people when a call about a repository's collaborators fails. */
export function repoErrorContext(where: RepoLocation, login: string, doing: string): HttpErrorContext {
  const name = `${where.owner}/${where.repo}`;
  return {
    doing,
    notFound: `repository ${name} (or user ${login}) not found: check \`repo\` of resource ${where.resourceName} in access.yml, that the App is installed on ${name}, and the grantee's login`,
    forbidden: `the App needs Administration: write (repository) on ${name} to change collaborators`,
    invitationLimit: `GitHub allows 50 invitations to ${name} per 24 hours and they are used up: ${login} was not invited; a later sweep tries again once the window has passed (organization members need no invitation)`,
  };
}
