import { describe, expect, it } from 'vitest';
import { planApply, planRevoke } from '../../src/core/access/index.js';
import { createEnvironmentProvider } from '../../src/providers/environment/createEnvironmentProvider.js';
import type { AccessTarget } from '../../src/providers/provider.js';

const target = (grantee: string): AccessTarget => ({
  resourceName: 'deploy-production',
  resource: { provider: 'environment', environment: 'production' },
  grantee,
  role: undefined,
  grantId: `grants/deploy-production/${grantee}.yml`,
  expires: '2026-11-28T18:00:00Z',
});
const provider = createEnvironmentProvider({
  activeGrants: [
    { grantee: 'Alice', resource: 'deploy-production' },
    { grantee: 'alice', resource: 'deploy-production' },
    { grantee: 'bob', resource: 'prod-db' },
  ],
});

describe('environment provider', () => {
  it.each([
    ['alice', 'granted'],
    ['ALICE', 'granted'],
    ['bob', 'none'],
  ])('reads %s as %s from the active grants', async (login, level) => {
    expect(await provider.read(target(login))).toBe(level);
  });

  it('applies and revokes without any call', async () => {
    expect(await provider.apply(target('bob'), planApply({ before: 'none', desired: 'granted' }))).toEqual({
      status: 'applied',
      level: 'granted',
    });
    expect(
      await provider.apply(target('alice'), planApply({ before: 'granted', desired: 'granted' })),
    ).toEqual({
      status: 'unchanged',
      level: 'granted',
    });
    const revoke = (current: 'none' | 'granted') =>
      planRevoke({
        provider: 'environment',
        before: 'none',
        current,
        granted: 'granted',
        mode: 'additive',
        standing: 'none',
        otherActiveGrants: [],
      });
    expect(await provider.revoke(target('bob'), revoke('granted'))).toEqual({
      status: 'revoked',
      level: 'none',
    });
    expect(await provider.revoke(target('bob'), revoke('none'))).toEqual({
      status: 'unchanged',
      level: 'none',
    });
  });

  it('lists active grantees once each', async () => {
    const members = await provider.listMembers!(target('x'));
    expect(members).toEqual([{ grantee: 'alice', level: 'granted' }]);
  });
});
