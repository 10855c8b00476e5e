import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/core/types.js';
import { createGithubTeamProvider } from '../../src/providers/githubTeam/createGithubTeamProvider.js';
import type { AccessTarget, FailedResult } from '../../src/providers/provider.js';
import { ProviderError } from '../../src/providers/providerError.js';
import { API, githubError, testOctokit, useNock } from './githubApi.js';

const resource: Resource = { provider: 'github-team', team: 'prod-db-admins' };
const target: AccessTarget = {
  resourceName: 'prod-db',
  resource,
  grantee: 'alice',
  role: undefined,
  grantId: 'grants/prod-db/alice.yml',
  expires: '2026-11-28T18:00:00Z',
};
const MEMBERSHIP = '/orgs/acme/teams/prod-db-admins/memberships/alice';
const provider = () => createGithubTeamProvider({ octokit: testOctokit(), org: 'acme' });
const grant = { action: 'set', from: 'none', to: 'member', reason: 'grant' } as const;

describe('github-team provider errors', () => {
  useNock();

  it.each<[string, number, Record<string, unknown>, Record<string, string>, Partial<FailedResult>, RegExp]>([
    [
      'team not found',
      404,
      githubError('Not Found'),
      {},
      { code: 'not-found', retryable: false },
      /team acme\/prod-db-admins not found: check `team`/,
    ],
    [
      'missing permission',
      403,
      githubError('Resource not accessible by integration'),
      {},
      { code: 'forbidden', retryable: false },
      /the App needs Members: write \(organization\)/,
    ],
    [
      'validation',
      422,
      githubError('Validation Failed', [{ message: 'User cannot be added' }]),
      {},
      { code: 'rejected', retryable: false },
      /422: Validation Failed; User cannot be added/,
    ],
    [
      'server error',
      500,
      githubError('Server Error'),
      {},
      { code: 'server-error', retryable: true },
      /GitHub answered 500 while adding alice/,
    ],
    ['bad gateway', 502, {}, {}, { code: 'server-error', retryable: true }, /answered 502/],
    [
      'secondary rate limit',
      403,
      githubError(
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      ),
      { 'retry-after': '60' },
      { code: 'rate-limited', retryable: true },
      /rate-limited adding alice/,
    ],
    [
      'primary rate limit',
      403,
      githubError('API rate limit exceeded'),
      { 'x-ratelimit-remaining': '0' },
      { code: 'rate-limited', retryable: true },
      /rate-limited/,
    ],
    [
      'too many requests',
      429,
      githubError('slow down'),
      {},
      { code: 'rate-limited', retryable: true },
      /rate-limited/,
    ],
    [
      'bad credentials',
      401,
      githubError('Bad credentials'),
      {},
      { code: 'unauthorized', retryable: false },
      /App's id, private key/,
    ],
  ])('maps %s to a named failure', async (_name, status, body, headers, expected, message) => {
    const scope = nock(API).put(MEMBERSHIP, { role: 'member' }).reply(status, body, headers);
    const result = await provider().apply(target, grant);
    expect(result).toMatchObject({ status: 'failed', ...expected });
    if (result.status !== 'failed') throw new Error('expected a failure');
    expect(result.reason).toMatch(message);
    expect(result.error).toBeInstanceOf(ProviderError);
    expect(result.error.status).toBe(status);
    scope.done();
  });

  it('keeps the retry-after of a secondary rate limit', async () => {
    nock(API).put(MEMBERSHIP).reply(403, githubError('secondary rate limit'), { 'retry-after': '60' });
    const result = await provider().apply(target, grant);
    expect(result.status === 'failed' && result.error.retryAfterSeconds).toBe(60);
  });

  it('reports a network failure as retryable', async () => {
    nock(API).put(MEMBERSHIP).replyWithError('socket hang up');
    const result = await provider().apply(target, grant);
    expect(result).toMatchObject({ status: 'failed', code: 'network', retryable: true });
  });

  it('throws a named error when reading fails', async () => {
    nock(API).get(MEMBERSHIP).reply(503, githubError('unavailable'));
    await expect(provider().read(target)).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'server-error',
      retryable: true,
    });
  });

  it('fails a revoke when GitHub refuses the removal', async () => {
    nock(API).delete(MEMBERSHIP).reply(500);
    const result = await provider().revoke(target, {
      action: 'remove',
      from: 'member',
      reason: 'restore-previous',
    });
    expect(result).toMatchObject({ status: 'failed', code: 'server-error', retryable: true });
  });

  it('reports a write that did not stick, so the next sweep retries', async () => {
    nock(API)
      .put(MEMBERSHIP, { role: 'maintainer' })
      .reply(200, { role: 'maintainer', state: 'active' })
      .get(MEMBERSHIP)
      .reply(200, { role: 'member', state: 'active' });
    const result = await provider().apply(target, {
      action: 'set',
      from: 'member',
      to: 'maintainer',
      reason: 'grant',
    });
    expect(result).toMatchObject({ status: 'failed', code: 'not-applied', retryable: true });
  });

  it('reports a removal that did not stick', async () => {
    nock(API).delete(MEMBERSHIP).reply(204).get(MEMBERSHIP).reply(200, { role: 'member', state: 'active' });
    const result = await provider().revoke(target, {
      action: 'remove',
      from: 'member',
      reason: 'strict-target',
    });
    expect(result).toMatchObject({ status: 'failed', code: 'not-revoked', retryable: true });
    if (result.status === 'failed')
      expect(result.reason).toMatch(
        /alice holds member on team acme\/prod-db-admins after grantops set none/,
      );
  });

  it('names the missing setting when the resource has no team', async () => {
    const broken = { ...target, resource: { provider: 'github-team' as const } };
    const result = await provider().apply(broken, grant);
    expect(result).toMatchObject({ status: 'failed', code: 'misconfigured', retryable: false });
    if (result.status === 'failed') expect(result.reason).toMatch(/resource prod-db .* sets no `team`/);
  });
});

describe('github-team members', () => {
  useNock();

  it('lists maintainers, members over several pages, and pending invitations', async () => {
    const page = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ login: `user${from + i}` }));
    const base = '/orgs/acme/teams/prod-db-admins';
    const scope = nock(API)
      .get(`${base}/members`)
      .query({ role: 'maintainer', per_page: 100, page: 1 })
      .reply(200, [{ login: 'bob' }])
      .get(`${base}/members`)
      .query({ role: 'member', per_page: 100, page: 1 })
      .reply(200, page(100, 0))
      .get(`${base}/members`)
      .query({ role: 'member', per_page: 100, page: 2 })
      .reply(200, page(1, 100))
      .get(`${base}/invitations`)
      .query({ per_page: 100, page: 1 })
      .reply(200, [{ login: 'dave' }, { login: null, email: 'x@example.com' }]);
    const members = await provider().listMembers!({ resourceName: 'prod-db', resource });
    expect(members).toHaveLength(103);
    expect(members[0]).toEqual({ grantee: 'bob', level: 'maintainer' });
    expect(members.at(-1)).toEqual({ grantee: 'dave', level: 'pending' });
    scope.done();
  });

  it('names the team when listing fails', async () => {
    nock(API).get('/orgs/acme/teams/prod-db-admins/members').query(true).reply(404, githubError('Not Found'));
    await expect(provider().listMembers!({ resourceName: 'prod-db', resource })).rejects.toThrow(
      /team acme\/prod-db-admins not found/,
    );
  });
});
