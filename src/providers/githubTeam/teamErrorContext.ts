import type { HttpErrorContext } from '../providerErrorFromHttp.js';

/** Where a team lives and what to tell people when a call about it fails. */
export function teamErrorContext(params: {
  resourceName: string;
  org: string;
  team: string;
  doing: string;
}): HttpErrorContext {
  const { resourceName, org, team } = params;
  return {
    doing: params.doing,
    notFound: `team ${org}/${team} not found: check \`team\` (and \`org\`) of resource ${resourceName} in access.yml, and that the App is installed on ${org}`,
    forbidden: `the App needs Members: write (organization) to change team memberships of ${org}/${team}`,
  };
}
