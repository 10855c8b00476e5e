/** Which repository holds the grants: `owner/name`, or `name` in the installation's account. */
export interface GrantsRepoSetting {
  /** Undefined: the account the App is installed on (the organization of the deploying repo). */
  owner?: string;
  name: string;
}

/** The grants repository when `GRANTOPS_GRANTS_REPO` is not set: `access-grants` of the installation's account. */
export const DEFAULT_GRANTS_REPO: GrantsRepoSetting = { name: 'access-grants' };

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Reads the `GRANTOPS_GRANTS_REPO` setting (`owner/name` or `name`; unset or empty means
 * {@link DEFAULT_GRANTS_REPO}). Called once at start-up, so a typo stops the App with a message
 * instead of failing every deployment later.
 */
export function parseGrantsRepoSetting(value: string | undefined): GrantsRepoSetting {
  const text = value?.trim() ?? '';
  if (text === '') return DEFAULT_GRANTS_REPO;
  const parts = text.split('/');
  const [owner, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (
    parts.length > 2 ||
    (owner !== undefined && !OWNER.test(owner)) ||
    !name ||
    !NAME.test(name) ||
    /^\.+$/.test(name)
  )
    throw new Error(
      `grantops: GRANTOPS_GRANTS_REPO is "${text}", which is not a repository: set it to owner/name (acme/access-grants) or to a name in the installation's account (access-grants)`,
    );
  return owner === undefined ? { name } : { owner, name };
}
