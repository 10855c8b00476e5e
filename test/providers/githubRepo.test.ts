import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { planApply, planRevoke, type RevokeInput } from '../../src/core/access/index.js';
import type { Resource } from '../../src/core/types.js';
import { createGithubRepoProvider } from '../../src/providers/githubRepo/createGithubRepoProvider.js';
import type { AccessTarget } from '../../src/providers/provider.js';
import { API, testOctokit, useNock } from './githubApi.js';

const resource: Resource = { provider: 'github-repo', repo: 'acme/app', permission: 'push' };
const target: AccessTarget = {
  resourceName: 'app-write',
  resource,
  grantee: 'alice',
  role: undefined,
  grantId: 'grants/app-write/alice.yml',
  expires: '2026-11-28T18:00:00Z',
};
const PERMISSION = '/repos/acme/app/collaborators/alice/permission';
const COLLABORATOR = '/repos/acme/app/collaborators/alice';
const INVITATIONS = '/repos/acme/app/invitations';
const provider = () => createGithubRepoProvider({ octokit: testOctokit() });
const permission = (role_name: string, legacy: string) => ({
  permission: legacy,
  role_name,
  user: { login: 'alice' },
});
const revokeInput = (input: Partial<RevokeInput>): RevokeInput => ({
  provider: 'github-repo',
  before: 'none',
  current: 'push',
  granted: 'push',
  mode: 'additive',
  standing: 'none',
  otherActiveGrants: [],
  ...input,
});

describe('github-repo provider', () => {
  useNock();

  it('adds a collaborator (204) and reads the permission back', async () => {
    const scope = nock(API)
      .get(PERMISSION)
      .reply(200, permission('', 'none'))
      .get(INVITATIONS)
      .query({ per_page: 100, page: 1 })
      .reply(200, [])
      .put(COLLABORATOR, { permission: 'push' })
      .reply(204)
      .get(PERMISSION)
      .reply(200, permission('write', 'write'));
    const repos = provider();
    const before = await repos.read(target);
    expect(before).toBe('none');
    expect(await repos.apply(target, planApply({ before, desired: 'push' }))).toEqual({
      status: 'applied',
      level: 'push',
    });
    scope.done();
  });

  it('reports an invitation (201) as pending, not applied', async () => {
    const scope = nock(API)
      .put(COLLABORATOR, { permission: 'push' })
      .reply(201, { id: 42, invitee: { login: 'alice' }, permissions: 'write' });
    const result = await provider().apply(target, planApply({ before: 'none', desired: 'push' }));
    expect(result).toEqual({ status: 'pending', level: 'invited' });
    scope.done();
  });

  it('reads an open invitation as invited', async () => {
    const scope = nock(API)
      .get(PERMISSION)
      .reply(200, permission('', 'none'))
      .get(INVITATIONS)
      .query(true)
      .reply(200, [
        { id: 7, invitee: null },
        { id: 42, invitee: { login: 'Alice' } },
      ]);
    expect(await provider().read(target)).toBe('invited');
    scope.done();
  });

  it.each([
    ['maintain', 'write', 'maintain'],
    ['triage', 'read', 'triage'],
    ['read', 'read', 'pull'],
    ['admin', 'admin', 'admin'],
    ['security-manager', 'write', 'push'],
    [undefined, 'write', 'push'],
  ])('maps role_name %s (permission %s) to %s', async (roleName, legacy, level) => {
    const scope = nock(API)
      .get(PERMISSION)
      .reply(200, { permission: legacy, ...(roleName ? { role_name: roleName } : {}) });
    expect(await provider().read(target)).toBe(level);
    scope.done();
  });

  it('writes nothing when the grantee already has at least the permission', async () => {
    const scope = nock(API).get(PERMISSION).reply(200, permission('maintain', 'write'));
    const repos = provider();
    const before = await repos.read(target);
    expect(await repos.apply(target, planApply({ before, desired: 'push' }))).toEqual({
      status: 'unchanged',
      level: 'maintain',
    });
    scope.done();
  });

  it('revokes an upgrade by restoring the previous permission', async () => {
    const scope = nock(API)
      .put(COLLABORATOR, { permission: 'pull' })
      .reply(204)
      .get(PERMISSION)
      .reply(200, permission('read', 'read'));
    const change = planRevoke(revokeInput({ before: 'pull', current: 'admin', granted: 'admin' }));
    expect(change).toMatchObject({ action: 'set', to: 'pull' });
    expect(await provider().revoke(target, change)).toEqual({ status: 'revoked', level: 'pull' });
    scope.done();
  });

  it('removes a collaborator it added', async () => {
    const scope = nock(API)
      .delete(COLLABORATOR)
      .reply(204)
      .get(PERMISSION)
      .reply(200, permission('', 'none'))
      .get(INVITATIONS)
      .query(true)
      .reply(200, []);
    expect(await provider().revoke(target, planRevoke(revokeInput({})))).toEqual({
      status: 'revoked',
      level: 'none',
    });
    scope.done();
  });

  it('deletes a pending invitation at expiry', async () => {
    const scope = nock(API)
      .get(INVITATIONS)
      .query(true)
      .reply(200, [{ id: 42, invitee: { login: 'alice' } }])
      .delete(`${INVITATIONS}/42`)
      .reply(204)
      .get(PERMISSION)
      .reply(200, permission('', 'none'))
      .get(INVITATIONS)
      .query(true)
      .reply(200, []);
    const change = planRevoke(revokeInput({ current: 'invited' }));
    expect(change).toEqual({ action: 'remove', from: 'invited', reason: 'restore-previous' });
    expect(await provider().revoke(target, change)).toEqual({ status: 'revoked', level: 'none' });
    scope.done();
  });

  it('treats an invitation already gone as revoked', async () => {
    const scope = nock(API)
      .get(INVITATIONS)
      .query(true)
      .reply(200, [])
      .get(PERMISSION)
      .reply(200, permission('', 'none'))
      .get(INVITATIONS)
      .query(true)
      .reply(200, []);
    const result = await provider().revoke(target, {
      action: 'remove',
      from: 'invited',
      reason: 'strict-target',
    });
    expect(result).toEqual({ status: 'revoked', level: 'none' });
    scope.done();
  });

  it('keeps standing access: no write at expiry when the grantee had it before', async () => {
    const change = planRevoke(revokeInput({ before: 'admin', current: 'admin' }));
    expect(await provider().revoke(target, change)).toEqual({ status: 'unchanged', level: 'admin' });
  });

  it('lists direct collaborators and invitees', async () => {
    const scope = nock(API)
      .get('/repos/acme/app/collaborators')
      .query({ affiliation: 'direct', per_page: 100, page: 1 })
      .reply(200, [
        { login: 'bob', role_name: 'admin', permissions: { admin: true } },
        { login: 'carol', role_name: 'write' },
        { login: 'erin', role_name: 'auditor', permissions: { pull: true, triage: true, push: false } },
        { login: 'frank', role_name: 'unknown' },
      ])
      .get(INVITATIONS)
      .query(true)
      .reply(200, [
        { id: 1, invitee: { login: 'Dave' } },
        { id: 2, invitee: { login: 'carol' } },
      ]);
    expect(await provider().listMembers!({ resourceName: 'app-write', resource })).toEqual([
      { grantee: 'bob', level: 'admin' },
      { grantee: 'carol', level: 'push' },
      { grantee: 'erin', level: 'triage' },
      { grantee: 'frank', level: 'none' },
      { grantee: 'dave', level: 'invited' },
    ]);
    scope.done();
  });
});
