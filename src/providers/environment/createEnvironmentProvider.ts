import type { Member } from '../../core/access/index.js';
import type { Provider } from '../provider.js';

/** A grant that is active now: what the guardrails read as a deploy right. */
export interface ActiveGrantRef {
  grantee: string;
  resource: string;
}

/**
 * A deploy right read by the guardrails. There is nothing to write on GitHub: the active grant in
 * the grants repository is the right, so apply and revoke succeed without a call, and the current
 * level is `granted` exactly when one of `activeGrants` (the grants active now) says so.
 */
export function createEnvironmentProvider(options: { activeGrants: readonly ActiveGrantRef[] }): Provider {
  const holders = (resourceName: string): string[] =>
    options.activeGrants.filter((grant) => grant.resource === resourceName).map((grant) => grant.grantee);
  return {
    name: 'environment',
    async read(target) {
      const login = target.grantee.toLowerCase();
      const active = holders(target.resourceName).some((grantee) => grantee.toLowerCase() === login);
      return active ? 'granted' : 'none';
    },
    async apply(_target, change) {
      return change.action === 'none'
        ? { status: 'unchanged', level: change.level }
        : { status: 'applied', level: 'granted' };
    },
    async revoke(_target, change) {
      return change.action === 'none'
        ? { status: 'unchanged', level: change.level }
        : { status: 'revoked', level: 'none' };
    },
    async listMembers(target) {
      const unique = new Map(holders(target.resourceName).map((grantee) => [grantee.toLowerCase(), grantee]));
      return [...unique.values()].map((grantee): Member => ({ grantee, level: 'granted' }));
    },
  };
}
