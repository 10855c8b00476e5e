/** Where grant files live: `grants/<resource>/<name>.yml`. */
export const GRANTS_DIR = 'grants';

/**
 * A resource name: the keys of access.yml `resources` and the folders under grants/. The same
 * pattern is in schemas/policy.schema.json (`definitions.name`) and schemas/grant.schema.json
 * (`resource`); a test keeps the three equal.
 */
export const RESOURCE_NAME = '[a-z0-9][a-z0-9._-]{0,63}';

/**
 * A grant file's name without `.yml`: letters, digits, `.`, `_` and `-`, at most 100 characters.
 * File names reach branch names, pull-request bodies and check runs, so nothing else is allowed.
 */
export const GRANT_NAME = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';

const GRANT_PATH = new RegExp(`^${GRANTS_DIR}/(${RESOURCE_NAME})/(${GRANT_NAME})\\.yml$`);

/** The parts of a grant file's path, or undefined when the path is not where a grant can live. */
export function parseGrantPath(path: string): { folder: string; name: string } | undefined {
  const match = GRANT_PATH.exec(path);
  if (!match) return undefined;
  return { folder: match[1]!, name: match[2]! };
}

/** True for any path under `grants/`. */
export function isUnderGrants(path: string): boolean {
  return path.startsWith(`${GRANTS_DIR}/`);
}

/** Files under grants/ that are not grants and are fine to keep (documentation, git placeholders). */
export function isIgnorableInGrants(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === '.gitkeep' || /^README(\.md)?$/i.test(base);
}

/** The path a new grant should be written to. */
export function grantFilePath(resource: string, name: string): string {
  return `${GRANTS_DIR}/${resource}/${name}.yml`;
}
