/** Where grant files live: `grants/<resource>/<name>.yml`. */
export const GRANTS_DIR = 'grants';
const GRANT_PATH = /^grants\/([^/]+)\/([^/]+)\.ya?ml$/;

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
