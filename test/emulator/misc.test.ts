import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { outcome } from './status.js';
import { seedAppWorld } from './world.js';

let gh: Emulator | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await cleanup?.();
  await gh?.close();
  gh = undefined;
});

async function appWorld() {
  const w = await seedAppWorld();
  gh = w.gh;
  cleanup = w.receiver.close;
  return w;
}

describe('App endpoints', () => {
  it('finds installations by id, org and user, shows deliveries, and revokes tokens', async () => {
    const w = await appWorld();
    const app = w.asApp;
    const installation = await app.rest.apps.getInstallation({ installation_id: w.installation.id });
    expect(installation.data).toMatchObject({ account: { login: 'acme' }, app_slug: 'grantops' });
    expect((await outcome(app.rest.apps.getInstallation({ installation_id: 1 }))).status).toBe(404);
    expect((await app.rest.apps.getOrgInstallation({ org: 'acme' })).data.id).toBe(w.installation.id);
    expect((await outcome(app.rest.apps.getUserInstallation({ username: 'bob' }))).status).toBe(404);
    const [delivery] = (await app.rest.apps.listWebhookDeliveries()).data;
    const detail = await app.rest.apps.getWebhookDelivery({ delivery_id: delivery?.id ?? 0 });
    expect(detail.data).toMatchObject({
      event: 'installation',
      request: { headers: { 'x-github-event': 'installation' } },
    });
    expect((await outcome(w.as('bob').rest.apps.getAuthenticated())).status).toBe(401);
    const token = await app.rest.apps.createInstallationAccessToken({ installation_id: w.installation.id });
    const res = await fetch(`${gh?.url}/installation/token`, {
      method: 'DELETE',
      headers: { authorization: `token ${token.data.token}` },
    });
    expect(res.status).toBe(204);
    const after = await fetch(`${gh?.url}/installation/repositories`, {
      headers: { authorization: `token ${token.data.token}` },
    });
    expect(after.status).toBe(401);
    const narrow = await outcome(
      app.rest.apps.createInstallationAccessToken({
        installation_id: w.installation.id,
        permissions: { workflows: 'write' },
      }),
    );
    expect(narrow.status).toBe(422);
    const missing = await outcome(
      app.rest.apps.createInstallationAccessToken({
        installation_id: w.installation.id,
        repositories: ['nope'],
      }),
    );
    expect(missing.status).toBe(422);
  });
});

describe('injected clock', () => {
  it('stamps what GitHub writes with `now` while credentials keep the wall clock', async () => {
    const w = await seedAppWorld({ emulator: { now: () => new Date('2030-01-01T12:00:00.123Z') } });
    gh = w.gh;
    cleanup = w.receiver.close;
    gh.commit({ repo: 'acme/access', branch: 'r', files: { a: 'b' }, message: 'm', author: 'bob' });
    const pr = await w.asInstallation.rest.pulls.create({ ...w.repo, title: 't', head: 'r', base: 'main' });
    expect(pr.data.created_at).toBe('2030-01-01T12:00:00Z');
    expect(
      (await w.asInstallation.rest.pulls.listCommits({ ...w.repo, pull_number: 1 })).data[0]?.commit.author
        ?.date,
    ).toBe('2030-01-01T12:00:00Z');
  });
});

describe('labels and files', () => {
  it('sets, reads and creates labels', async () => {
    const w = await appWorld();
    await w.as('alice').rest.issues.create({ ...w.repo, title: 'x' });
    const app = w.asInstallation;
    expect(
      (await app.rest.issues.setLabels({ ...w.repo, issue_number: 1, labels: ['a', 'b'] })).data.map(
        (l) => l.name,
      ),
    ).toEqual(['a', 'b']);
    expect((await app.rest.issues.listLabelsOnIssue({ ...w.repo, issue_number: 1 })).data).toHaveLength(2);
    expect((await app.rest.issues.removeAllLabels({ ...w.repo, issue_number: 1 })).status).toBe(204);
    const created = await app.rest.issues.createLabel({
      ...w.repo,
      name: 'grantops:expired',
      color: '#d73a4a',
      description: 'Expired',
    });
    expect(created.data).toMatchObject({ name: 'grantops:expired', color: 'd73a4a', description: 'Expired' });
    expect(
      (await outcome(app.rest.issues.createLabel({ ...w.repo, name: 'GRANTOPS:expired' }))).data,
    ).toMatchObject({ errors: [{ code: 'already_exists' }] });
    expect((await app.rest.issues.getLabel({ ...w.repo, name: 'grantops:expired' })).data.color).toBe(
      'd73a4a',
    );
    expect((await outcome(app.rest.issues.getLabel({ ...w.repo, name: 'nope' }))).status).toBe(404);
  });

  it('serves download_url of private files with a token', async () => {
    const w = await appWorld();
    const file = await w.asInstallation.rest.repos.getContent({ ...w.repo, path: 'access.yml' });
    const url = Array.isArray(file.data) ? '' : (file.data.download_url ?? '');
    expect(await (await fetch(url)).text()).toBe('version: 1\nresources: {}\n');
    expect((await fetch(url.replace(/token=.*/, 'token=bad'))).status).toBe(404);
  });
});
