import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { planApply, planRevoke } from '../../src/core/access/index.js';
import type { Resource } from '../../src/core/types.js';
import { createGithubTeamProvider } from '../../src/providers/githubTeam/createGithubTeamProvider.js';
import type { AccessTarget } from '../../src/providers/provider.js';
import { API, githubError, testOctokit, useNock } from './githubApi.js';

const resource: Resource = {
  provider: 'github-team',
  team: 'prod-db-admins',
  roles: ['member', 'maintainer'],
};
const target = (overrides: Partial<AccessTarget> = {}): AccessTarget => ({
  resourceName: 'prod-db',
  resource,
  grantee: 'alice',
  role: 'member',
  grantId: 'grants/prod-db/alice.yml',
  expires: '2026-11-28T18:00:00Z',
  ...overrides,
});
const MEMBERSHIP = '/orgs/acme/teams/prod-db-admins/memberships/alice';
const provider = () => createGithubTeamProvider({ octokit: testOctokit(), org: 'acme' });

describe('github-team provider', () => {
  useNock();

  it('applies a new membership and reads it back', async () => {
    const scope = nock(API)
      .get(MEMBERSHIP)
      .reply(404, githubError('Not Found'))
      .put(MEMBERSHIP, { role: 'member' })
      .reply(200, { role: 'member', state: 'active' })
      .get(MEMBERSHIP)
      .reply(200, { role: 'member', state: 'active' });
    const teams = provider();
    const before = await teams.read(target());
    expect(before).toBe('none');
    const result = await teams.apply(target(), planApply({ before, desired: 'member' }));
    expect(result).toEqual({ status: 'applied', level: 'member' });
    scope.done();
  });

  it('reports a pending invitation as pending, not applied', async () => {
    const scope = nock(API)
      .put(MEMBERSHIP, { role: 'maintainer' })
      .reply(200, { role: 'maintainer', state: 'pending' })
      .get(MEMBERSHIP)
      .reply(200, { role: 'maintainer', state: 'pending' });
    const result = await provider().apply(
      target({ role: 'maintainer' }),
      planApply({ before: 'none', desired: 'maintainer' }),
    );
    expect(result).toEqual({ status: 'pending', level: 'pending' });
    scope.done();
  });

  it('writes nothing when the grantee already has the access', async () => {
    const scope = nock(API).get(MEMBERSHIP).reply(200, { role: 'maintainer', state: 'active' });
    const teams = provider();
    const before = await teams.read(target());
    const result = await teams.apply(target(), planApply({ before, desired: 'member' }));
    expect(result).toEqual({ status: 'unchanged', level: 'maintainer' });
    scope.done();
  });

  it('uses the resource org when set', async () => {
    const scope = nock(API)
      .get('/orgs/other/teams/prod-db-admins/memberships/alice')
      .reply(200, { role: 'member', state: 'active' });
    expect(await provider().read(target({ resource: { ...resource, org: 'other' } }))).toBe('member');
    scope.done();
  });

  it('revokes an upgrade by restoring the previous role', async () => {
    const scope = nock(API)
      .get(MEMBERSHIP)
      .reply(200, { role: 'maintainer', state: 'active' })
      .put(MEMBERSHIP, { role: 'member' })
      .reply(200, { role: 'member', state: 'active' })
      .get(MEMBERSHIP)
      .reply(200, { role: 'member', state: 'active' });
    const teams = provider();
    const current = await teams.read(target());
    const change = planRevoke({
      provider: 'github-team',
      before: 'member',
      current,
      granted: 'maintainer',
      mode: 'additive',
      standing: 'none',
      otherActiveGrants: [],
    });
    expect(await teams.revoke(target(), change)).toEqual({ status: 'revoked', level: 'member' });
    scope.done();
  });

  it.each(['active', 'pending'])('removes a %s membership at expiry', async (state) => {
    const scope = nock(API)
      .get(MEMBERSHIP)
      .reply(200, { role: 'member', state })
      .delete(MEMBERSHIP)
      .reply(204)
      .get(MEMBERSHIP)
      .reply(404, githubError('Not Found'));
    const teams = provider();
    const current = await teams.read(target());
    const change = planRevoke({
      provider: 'github-team',
      before: 'none',
      current,
      granted: 'member',
      mode: 'additive',
      standing: 'none',
      otherActiveGrants: [],
    });
    expect(change.action).toBe('remove');
    expect(await teams.revoke(target(), change)).toEqual({ status: 'revoked', level: 'none' });
    scope.done();
  });

  it('keeps standing access: a grant to a member already there changes nothing at expiry', async () => {
    const teams = provider();
    const change = planRevoke({
      provider: 'github-team',
      before: 'member',
      current: 'member',
      granted: 'member',
      mode: 'additive',
      standing: 'none',
      otherActiveGrants: [],
    });
    expect(await teams.revoke(target(), change)).toEqual({ status: 'unchanged', level: 'member' });
  });

  it('treats a membership already removed as revoked', async () => {
    const scope = nock(API)
      .delete(MEMBERSHIP)
      .reply(404, githubError('Not Found'))
      .get(MEMBERSHIP)
      .reply(404);
    const result = await provider().revoke(target(), {
      action: 'remove',
      from: 'member',
      reason: 'restore-previous',
    });
    expect(result).toEqual({ status: 'revoked', level: 'none' });
    scope.done();
  });
});
