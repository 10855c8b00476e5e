/** Prefix of every scheduled reverting branch: listing refs under it finds all applied grants in one call. */
export const REVERT_BRANCH_PREFIX = 'grantops/revoke/';

/** Labels grantops puts on pull requests, so one listing finds each kind. */
export const LABELS = {
  revoke: 'grantops:revoke',
  scheduled: 'grantops:scheduled',
  failed: 'grantops:failed',
  request: 'grantops:request',
  emergency: 'grantops:emergency-unreviewed',
} as const;

/**
 * The deterministic branch of a grant file's reverting PR: `grantops/revoke/prod-db/alice` for
 * `grants/prod-db/alice.yml`. Characters git refuses become `-`, with a short digest of the path
 * appended so two files never share a branch.
 */
export function revertBranch(file: string): string {
  const stem = file.replace(/^grants\//, '').replace(/\.ya?ml$/, '');
  const safe = stem
    .replace(/[^A-Za-z0-9._/-]/g, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/\/\./g, '/-')
    .replace(/\.lock(\/|$)/g, '-lock$1');
  const suffix = safe === stem && file.endsWith('.yml') ? '' : `-${digest(file)}`;
  return `${REVERT_BRANCH_PREFIX}${safe}${suffix}`;
}

/** An 8-hex-digit FNV-1a digest: stable across processes and platforms. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
