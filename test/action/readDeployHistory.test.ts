import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findOwnDeployment } from '../../action/src/readDeployHistory.js';
import {
  listDeployments,
  MAX_DEPLOYMENT_PAGES,
  type DeploymentRecord,
} from '../../src/github/listDeployments.js';

const API = 'https://api.github.com';
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const octokit = new Octokit({ auth: 'ghs_test', log: quiet });
const repo = { owner: 'acme', repo: 'web' };
const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;

/** `count` deployments, newest first, one a minute before `from`. */
const page = (count: number, from: number, firstId = 1000) =>
  Array.from({ length: count }, (_, i) => ({
    id: firstId - i,
    sha: 'b'.repeat(40),
    task: 'deploy',
    creator: { login: 'carol' },
    created_at: new Date(from - i * 60_000).toISOString().replace('.000', ''),
  }));

const route = (pageNumber: number, body: unknown) =>
  nock(API)
    .get('/repos/acme/web/deployments')
    .query({ environment: 'production', per_page: 100, page: pageNumber })
    .reply(200, body as nock.Body);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every mock is used').toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('listDeployments', () => {
  const list = (enough: number) =>
    listDeployments(octokit, { repo, environment: 'production', since: NOW - HOUR, enough });

  it('reads one page when it is not full', async () => {
    route(1, page(7, NOW));
    expect(await list(6)).toMatchObject({ requests: 1, deployments: { length: 7 } });
  });

  it('stops at a full page once enough deployments of the window are known', async () => {
    route(1, page(100, NOW - 1000)); // 100 in the last 100 minutes: 60 inside the hour
    expect((await list(6)).requests).toBe(1);
  });

  it('stops at a full page whose oldest deployment is before the window', async () => {
    route(1, page(100, NOW));
    expect((await list(200)).requests).toBe(1);
  });

  it('reads on while a full page is all inside the window and the limit is not reached', async () => {
    route(
      1,
      page(100, NOW, 1000).map((d, i) => ({ ...d, created_at: new Date(NOW - i * 1000).toISOString() })),
    );
    route(2, page(30, NOW - 200_000, 900));
    const result = await list(151);
    expect(result.requests).toBe(2);
    expect(result.deployments).toHaveLength(130);
  });

  it(`refuses to undercount past ${MAX_DEPLOYMENT_PAGES} pages`, async () => {
    for (let p = 1; p <= MAX_DEPLOYMENT_PAGES; p++)
      route(
        p,
        page(100, NOW, 5000 - p * 100).map((d) => ({ ...d, created_at: new Date(NOW - 1000).toISOString() })),
      );
    await expect(list(5000)).rejects.toThrow(/more than 1000 deployments in the window, too many to count/);
  });

  it('refuses entries it cannot date', async () => {
    route(1, [{ id: 1, created_at: 'yesterday' }]);
    await expect(list(5)).rejects.toThrow(/without a numeric id and an RFC 3339 created_at/);
  });
});

describe('findOwnDeployment', () => {
  const d = (id: number, minutesAgo: number, extra: Partial<DeploymentRecord> = {}): DeploymentRecord => ({
    id,
    createdAt: NOW - minutesAgo * 60_000,
    sha: 'a'.repeat(40),
    task: 'deploy',
    creator: 'alice',
    ...extra,
  });
  const runner = { sha: 'a'.repeat(40), actor: 'alice', triggeringActor: undefined };

  it.each([
    ['the newest deployment of this sha by the actor', [d(1, 10), d(2, 2)], runner, 2],
    ['by the re-runner', [d(1, 5, { creator: 'Bob' })], { ...runner, triggeringActor: 'bob' }, 1],
    ['not another sha', [d(1, 1, { sha: 'b'.repeat(40) })], runner, undefined],
    ['not another creator', [d(1, 1, { creator: 'mallory' })], runner, undefined],
    ['not another task', [d(1, 1, { task: 'deploy:migrations' })], runner, undefined],
    ['not one from the future', [d(1, -5)], runner, undefined],
    ['nothing without GITHUB_SHA', [d(1, 1)], { ...runner, sha: undefined }, undefined],
  ] as const)('finds %s', (_what, list, who, id) => {
    expect(findOwnDeployment(list, who, NOW)?.id).toBe(id);
  });
});
