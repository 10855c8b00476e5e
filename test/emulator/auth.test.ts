import { createSign, generateKeyPairSync } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { seedAppWorld, seedWorld, silent } from './world.js';

function jwt(privateKey: string, payload: Record<string, unknown>): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(payload)}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}

async function status(promise: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  try {
    await promise;
    return { status: 200, data: null };
  } catch (error) {
    const e = error as { status: number; response?: { data: unknown } };
    return { status: e.status, data: e.response?.data };
  }
}

let gh: Emulator | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  await gh?.close();
  gh = undefined;
});

describe('authentication', () => {
  it('answers 401 Bad credentials for unknown tokens', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const res = await status(
      new Octokit({ baseUrl: gh.url, auth: 'ghp_nope', log: silent }).rest.repos.get(world.repo),
    );
    expect(res.status).toBe(401);
    expect(res.data).toMatchObject({ message: 'Bad credentials', documentation_url: expect.any(String) });
  });

  it('hides private repositories from anonymous callers and outsiders (404)', async () => {
    const world = await seedWorld();
    gh = world.gh;
    expect((await status(world.anonymous.rest.repos.get(world.repo))).status).toBe(404);
    expect((await status(world.as('dave').rest.repos.get(world.repo))).data).toMatchObject({
      message: 'Not Found',
    });
    expect((await world.as('bob').rest.repos.get(world.repo)).data.permissions).toMatchObject({
      push: true,
      admin: false,
    });
  });

  it('accepts both `token` and `Bearer` user tokens and attributes requests to the user', async () => {
    const world = await seedWorld();
    gh = world.gh;
    const token = gh.createUser({ login: 'erin', token: 'ghp_erin' }).token;
    gh.addOrgMember({ org: 'acme', login: 'erin' });
    await fetch(`${gh.url}/repos/acme/access`, { headers: { authorization: `Bearer ${token}` } });
    const me = await new Octokit({ baseUrl: gh.url, auth: token }).rest.users.getAuthenticated();
    expect(me.data.login).toBe('erin');
    expect(gh.requests.map((r) => [r.route, r.actor, r.status])).toEqual([
      ['/repos/{owner}/{repo}', 'erin', 200],
      ['/user', 'erin', 200],
    ]);
  });

  it('authenticates the App with an RS256 JWT and mints installation tokens (Probot’s path)', async () => {
    const world = await seedAppWorld();
    gh = world.gh;
    const app = await world.asApp.rest.apps.getAuthenticated();
    expect(app.data).toMatchObject({ id: world.app.id, slug: 'grantops' });
    const installations = await world.asApp.rest.apps.listInstallations();
    expect(installations.data.map((i) => i.account?.login)).toEqual(['acme']);
    const repoInstallation = await world.asApp.rest.apps.getRepoInstallation(world.repo);
    expect(repoInstallation.data.id).toBe(world.installation.id);
    const repos = await world.asInstallation.rest.apps.listReposAccessibleToInstallation();
    expect(repos.data.repositories.map((r) => r.full_name)).toEqual(['acme/access']);
    await world.asInstallation.rest.repos.get(world.repo);
    expect(gh.requests.at(-1)).toMatchObject({
      route: '/repos/{owner}/{repo}',
      actor: 'grantops[bot]',
      status: 200,
    });
    await world.receiver.close();
  });

  it('returns the access token shape GitHub returns', async () => {
    const world = await seedAppWorld();
    gh = world.gh;
    const res = await world.asApp.rest.apps.createInstallationAccessToken({
      installation_id: world.installation.id,
      repositories: ['access'],
    });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      token: expect.stringMatching(/^ghs_/),
      expires_at: expect.stringMatching(/Z$/),
      repository_selection: 'selected',
    });
    expect(res.data.permissions).toMatchObject({ contents: 'write', metadata: 'read' });
    await world.receiver.close();
  });

  it('rejects expired, forged and non-RS256 JWTs', async () => {
    const world = await seedAppWorld();
    gh = world.gh;
    const now = Math.floor(Date.now() / 1000);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const cases = [
      jwt(world.app.privateKey, { iat: now - 700, exp: now - 100, iss: world.app.id }),
      jwt(otherKey, { iat: now - 30, exp: now + 500, iss: world.app.id }),
      jwt(world.app.privateKey, { iat: now - 30, exp: now + 3600, iss: world.app.id }),
      'a.b.c',
    ];
    for (const token of cases) {
      const res = await fetch(`${gh.url}/app`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
    const good = await fetch(`${gh.url}/app`, {
      headers: {
        authorization: `Bearer ${jwt(world.app.privateKey, { iat: now - 30, exp: now + 500, iss: String(world.app.id) })}`,
      },
    });
    expect(good.status).toBe(200);
    await world.receiver.close();
  });

  it('enforces installation permissions and repository selection', async () => {
    const world = await seedAppWorld({ permissions: { contents: 'read', pull_requests: 'write' } });
    gh = world.gh;
    gh.createOrg({ login: 'other' });
    gh.createRepo({ owner: 'other', name: 'secret', files: { a: 'b' } });
    const denied = await status(
      world.asInstallation.rest.git.createRef({
        ...world.repo,
        ref: 'refs/heads/x',
        sha: gh.resolve({ repo: 'acme/access', ref: 'main' }) ?? '',
      }),
    );
    expect(denied).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration' },
    });
    expect(
      (await status(world.asInstallation.rest.repos.get({ owner: 'other', repo: 'secret' }))).status,
    ).toBe(404);
    expect(
      (await status(world.asInstallation.rest.teams.getByName({ org: 'acme', team_slug: 'x' }))).status,
    ).toBe(403);
    await world.receiver.close();
  });
});
