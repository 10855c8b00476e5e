import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { listGitHubRoutes, RouteTable } from '../../src/emulator/routeTable.js';
import { allRoutes } from '../../src/emulator/routes/index.js';
import { outcome } from './status.js';
import { seedWorld } from './world.js';

let gh: Emulator | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  await gh?.close();
  gh = undefined;
});

describe('route table', () => {
  it('matches Octokit templates, preferring literal segments, decoding parameters', () => {
    const table = new RouteTable();
    expect(table.match('GET', '/repos/o/r/pulls/comments')?.template).toBe(
      '/repos/{owner}/{repo}/pulls/comments',
    );
    expect(table.match('GET', '/repos/o/r/pulls/12')).toMatchObject({
      template: '/repos/{owner}/{repo}/pulls/{pull_number}',
      params: { pull_number: '12' },
    });
    expect(table.match('GET', '/repos/o/r/contents/a%2Fb%20c.yml')?.params['path']).toBe('a/b c.yml');
    expect(table.match('GET', '/repos/o/r/contents/a/b.yml')?.params['path']).toBe('a/b.yml');
    expect(table.match('GET', '/repos/o/r/git/ref/heads/feat/x')?.params['ref']).toBe('heads/feat/x');
    expect(table.match('GET', '/repos/o/r/not-a-route')).toBeUndefined();
    expect(table.match('PATCH', '/repos/o/r/pulls/1/merge')).toBeUndefined();
  });
});

describe('implemented routes', () => {
  it('are all real GitHub routes (as Octokit lists them)', () => {
    const github = new Set(listGitHubRoutes().map((r) => `${r.method} ${r.template}`));
    expect(allRoutes.map((r) => `${r.method} ${r.path}`).filter((r) => !github.has(r))).toEqual([]);
    expect(github.size).toBeGreaterThan(900);
  });
});

describe('unknown and unimplemented routes', () => {
  it('answers 404 for routes GitHub does not have and 501 for ones the emulator lacks, recording both', async () => {
    const w = await seedWorld();
    gh = w.gh;
    const bob = w.as('bob');
    const missing = await outcome(bob.request('GET /repos/{owner}/{repo}/not-a-route', w.repo));
    expect(missing).toMatchObject({ status: 404, data: { message: 'Not Found' } });
    const wrongMethod = await outcome(
      bob.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}/merge', { ...w.repo, pull_number: 1 }),
    );
    expect(wrongMethod.status).toBe(404);
    const unimplemented = await outcome(bob.rest.repos.listForks(w.repo));
    expect(unimplemented.status).toBe(501);
    expect(gh.unknownRoutes).toEqual([
      { method: 'GET', path: '/repos/acme/access/not-a-route', route: null, status: 404 },
      { method: 'PATCH', path: '/repos/acme/access/pulls/1/merge', route: null, status: 404 },
      { method: 'GET', path: '/repos/acme/access/forks', route: '/repos/{owner}/{repo}/forks', status: 501 },
    ]);
    expect(gh.implementedRoutes()).toContain('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge');
  });

  it('answers with GitHub’s headers', async () => {
    const w = await seedWorld();
    gh = w.gh;
    const res = await w.as('bob').rest.repos.get(w.repo);
    expect(res.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': expect.any(String),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': expect.stringMatching(/^\d+$/),
    });
    const bad = await fetch(`${gh.url}/repos/acme/access/pulls`, {
      method: 'POST',
      body: '{',
      headers: { authorization: `token ${w.tokens['bob'] ?? ''}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ message: 'Problems parsing JSON' });
  });
});

describe('fault injection', () => {
  it('fails a route n times, then serves it, and logs every call', async () => {
    const w = await seedWorld();
    gh = w.gh;
    gh.createTeam({ org: 'acme', slug: 'sre' });
    const route = '/orgs/{org}/teams/{team_slug}/memberships/{username}';
    gh.faults.add({ method: 'PUT', route, times: 2, status: 502 });
    const alice = w.as('alice');
    const args = { org: 'acme', team_slug: 'sre', username: 'bob' };
    expect((await outcome(alice.rest.teams.addOrUpdateMembershipForUserInOrg(args))).status).toBe(502);
    expect((await outcome(alice.rest.teams.addOrUpdateMembershipForUserInOrg(args))).status).toBe(502);
    expect((await alice.rest.teams.addOrUpdateMembershipForUserInOrg(args)).data.state).toBe('active');
    expect(
      gh.requests.filter((r) => r.route === route).map((r) => [r.method, r.status, r.fault, r.actor]),
    ).toEqual([
      ['PUT', 502, true, 'alice'],
      ['PUT', 502, true, 'alice'],
      ['PUT', 200, false, 'alice'],
    ]);
    expect(gh.faults.list()[0]).toMatchObject({ remaining: 0, hits: 2 });
  });

  it('injects secondary rate limits with retry-after, custom bodies, regex routes and delays', async () => {
    const w = await seedWorld();
    gh = w.gh;
    const bob = w.as('bob');
    gh.faults.addSecondaryRateLimit({ route: '/repos/{owner}/{repo}/pulls', retryAfterSeconds: 1 });
    const limited = await bob.rest.pulls
      .list(w.repo)
      .catch((e: { status: number; response: { data: unknown; headers: Record<string, string> } }) => e);
    expect(limited).toMatchObject({
      status: 403,
      response: {
        data: { message: expect.stringContaining('secondary rate limit') },
        headers: { 'retry-after': '1' },
      },
    });
    expect((await bob.rest.pulls.list(w.repo)).status).toBe(200);
    gh.faults.add({
      route: /\/git\/refs?\//,
      status: 500,
      body: { message: 'boom' },
      headers: { 'x-custom': '1' },
    });
    const boom = await bob.rest.git
      .getRef({ ...w.repo, ref: 'heads/main' })
      .catch((e: { status: number; response: { data: unknown; headers: Record<string, string> } }) => e);
    expect(boom).toMatchObject({
      status: 500,
      response: { data: { message: 'boom' }, headers: { 'x-custom': '1' } },
    });
    gh.faults.add({ route: '/repos/{owner}/{repo}', delayMs: 150 });
    const started = Date.now();
    expect((await bob.rest.repos.get(w.repo)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
