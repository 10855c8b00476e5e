import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/core/types.js';
import { createGithubRepoProvider } from '../../src/providers/githubRepo/createGithubRepoProvider.js';
import type { RepoOctokit } from '../../src/providers/githubRepo/repoOctokit.js';
import type { AccessTarget, FailedResult } from '../../src/providers/provider.js';
import { API, githubError, testOctokit, useNock } from './githubApi.js';

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
const provider = () => createGithubRepoProvider({ octokit: testOctokit() });
const grant = { action: 'set', from: 'none', to: 'push', reason: 'grant' } as const;

describe('github-repo provider errors', () => {
  useNock();

  it.each<[string, number, Record<string, unknown>, Record<string, string>, Partial<FailedResult>, RegExp]>([
    [
      'invitation limit',
      422,
      githubError('Validation Failed', [
        { message: 'You have exceeded the limit of 50 invitations per 24 hours' },
      ]),
      {},
      { code: 'invitation-limit', retryable: false },
      /GitHub allows 50 invitations to acme\/app per 24 hours/,
    ],
    [
      'other validation',
      422,
      githubError('Validation Failed', [{ message: 'Cannot assign member permission of read' }]),
      {},
      { code: 'rejected', retryable: false },
      /Cannot assign member permission of read/,
    ],
    [
      'repository not found',
      404,
      githubError('Not Found'),
      {},
      { code: 'not-found', retryable: false },
      /repository acme\/app \(or user alice\) not found: check `repo` of resource app-write/,
    ],
    [
      'missing permission',
      403,
      githubError('Resource not accessible by integration'),
      {},
      { code: 'forbidden', retryable: false },
      /Administration: write \(repository\)/,
    ],
    [
      'server error',
      500,
      githubError('oops'),
      {},
      { code: 'server-error', retryable: true },
      /GitHub answered 500 while giving alice push on acme\/app/,
    ],
    [
      'secondary rate limit',
      403,
      githubError('You have exceeded a secondary rate limit'),
      { 'retry-after': '30' },
      { code: 'rate-limited', retryable: true },
      /rate-limited/,
    ],
    ['conflict', 409, githubError('Conflict'), {}, { code: 'rejected', retryable: false }, /409: Conflict/],
  ])('maps %s to a named failure', async (_name, status, body, headers, expected, message) => {
    const scope = nock(API).put(COLLABORATOR, { permission: 'push' }).reply(status, body, headers);
    const result = await provider().apply(target, grant);
    expect(result).toMatchObject({ status: 'failed', ...expected });
    expect(result.status === 'failed' && result.reason).toMatch(message);
    scope.done();
  });

  it('reports access that stays through a team or the base permission', async () => {
    const scope = nock(API)
      .delete(COLLABORATOR)
      .reply(204)
      .get(PERMISSION)
      .reply(200, { permission: 'write', role_name: 'write' });
    const result = await provider().revoke(target, {
      action: 'remove',
      from: 'push',
      reason: 'restore-previous',
    });
    expect(result).toMatchObject({ status: 'failed', code: 'not-revoked', retryable: true });
    expect(result.status === 'failed' && result.reason).toMatch(
      /may come from a team or the organization base permission/,
    );
    scope.done();
  });

  it('reports a permission that did not stick', async () => {
    const scope = nock(API)
      .put(COLLABORATOR)
      .reply(204)
      .get(PERMISSION)
      .reply(200, { permission: 'read', role_name: 'read' });
    expect(await provider().apply(target, grant)).toMatchObject({ status: 'failed', code: 'not-applied' });
    scope.done();
  });

  it('throws a named error when reading fails', async () => {
    nock(API).get(PERMISSION).reply(404, githubError('Not Found'));
    await expect(provider().read(target)).rejects.toMatchObject({ code: 'not-found', retryable: false });
  });

  it('fails a revoke when the invitation cannot be deleted', async () => {
    const scope = nock(API)
      .get('/repos/acme/app/invitations')
      .query(true)
      .reply(200, [{ id: 42, invitee: { login: 'alice' } }])
      .delete('/repos/acme/app/invitations/42')
      .reply(502);
    const result = await provider().revoke(target, {
      action: 'remove',
      from: 'invited',
      reason: 'restore-previous',
    });
    expect(result).toMatchObject({ status: 'failed', code: 'server-error', retryable: true });
    scope.done();
  });

  it.each([undefined, 'app', 'acme/app/extra'])('names the setting when `repo` is %s', async (repo) => {
    const broken: AccessTarget = {
      ...target,
      resource: { provider: 'github-repo', ...(repo ? { repo } : {}) },
    };
    const result = await provider().apply(broken, grant);
    expect(result).toMatchObject({ status: 'failed', code: 'misconfigured', retryable: false });
    expect(result.status === 'failed' && result.reason).toMatch(
      /resource app-write .* set it to owner\/name/,
    );
  });

  it('works with a plain object in place of Octokit', async () => {
    const calls: string[] = [];
    const octokit: RepoOctokit = {
      rest: {
        repos: {
          getCollaboratorPermissionLevel: async () => ({ data: { permission: 'admin', role_name: 'admin' } }),
          addCollaborator: async (params) => (calls.push(`put ${params.permission}`), { status: 204 }),
          removeCollaborator: async () => undefined,
          listInvitations: async () => ({ data: [] }),
          deleteInvitation: async () => undefined,
          listCollaborators: async () => ({ data: [] }),
        },
      },
    };
    const repos = createGithubRepoProvider({ octokit });
    expect(await repos.apply(target, { action: 'set', from: 'pull', to: 'admin', reason: 'grant' })).toEqual({
      status: 'applied',
      level: 'admin',
    });
    expect(calls).toEqual(['put admin']);
    // A level that is no repository permission (a caller bug) falls back to the resource default, push.
    await repos.apply(target, { action: 'set', from: 'none', to: 'granted', reason: 'grant' });
    expect(calls).toEqual(['put admin', 'put push']);
  });
});
