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

describe('environments and deployments', () => {
  it('lists environments, creates deployments and statuses, filters and pages by environment', async () => {
    const w = await seedAppWorld();
    gh = w.gh;
    cleanup = w.receiver.close;
    gh.createEnvironment({ repo: 'acme/access', name: 'production', protectedBy: ['grantops'] });
    gh.createEnvironment({ repo: 'acme/access', name: 'staging' });
    const app = w.asInstallation;
    const envs = await app.rest.repos.getAllEnvironments(w.repo);
    expect(envs.data.total_count).toBe(2);
    expect(envs.data.environments?.map((e) => [e.name, e.protection_rules?.length])).toEqual([
      ['production', 1],
      ['staging', 0],
    ]);
    expect(
      (await outcome(app.rest.repos.getEnvironment({ ...w.repo, environment_name: 'nope' }))).status,
    ).toBe(404);
    const bob = w.as('bob');
    for (const environment of ['production', 'staging', 'production', 'production']) {
      const d = await bob.rest.repos.createDeployment({
        ...w.repo,
        ref: 'main',
        environment,
        auto_merge: false,
        required_contexts: [],
      });
      expect(d.status).toBe(201);
    }
    const prod = await app.rest.repos.listDeployments({ ...w.repo, environment: 'production', per_page: 2 });
    expect(prod.data).toHaveLength(2);
    expect(prod.data.every((d) => d.environment === 'production' && d.creator?.login === 'bob')).toBe(true);
    expect(prod.headers.link).toContain('rel="next"');
    const all = await app.paginate(app.rest.repos.listDeployments, {
      ...w.repo,
      environment: 'production',
      per_page: 2,
    });
    expect(all).toHaveLength(3);
    const [latest] = prod.data;
    const status = await app.rest.repos.createDeploymentStatus({
      ...w.repo,
      deployment_id: latest?.id ?? 0,
      state: 'success',
      log_url: 'https://ci/1',
    });
    expect(status.data).toMatchObject({
      state: 'success',
      creator: { login: 'grantops[bot]' },
      environment: 'production',
    });
    const statuses = await app.rest.repos.listDeploymentStatuses({
      ...w.repo,
      deployment_id: latest?.id ?? 0,
    });
    expect(statuses.data.map((s) => s.state)).toEqual(['success']);
    expect((await outcome(bob.rest.repos.createDeployment({ ...w.repo, ref: 'nope' }))).status).toBe(422);
  });
});

describe('pull request webhooks', () => {
  it('sends edited with changes, closed, reopened and review dismissed', async () => {
    const w = await seedAppWorld();
    gh = w.gh;
    cleanup = w.receiver.close;
    gh.commit({ repo: 'acme/access', branch: 'r', files: { a: 'b' }, message: 'm', author: 'bob' });
    const bob = w.as('bob');
    await bob.rest.pulls.create({ ...w.repo, title: 'old', head: 'r', base: 'main' });
    await bob.rest.pulls.update({ ...w.repo, pull_number: 1, title: 'new' });
    await bob.rest.pulls.update({ ...w.repo, pull_number: 1, state: 'closed' });
    await bob.rest.pulls.update({ ...w.repo, pull_number: 1, state: 'open' });
    const review = await w
      .as('carol')
      .rest.pulls.createReview({ ...w.repo, pull_number: 1, event: 'APPROVE' });
    await w.as('alice').rest.pulls.dismissReview({
      ...w.repo,
      pull_number: 1,
      review_id: review.data.id,
      message: 'new commits',
    });
    await gh.waitForIdle();
    expect(w.receiver.events().filter((e) => e.startsWith('pull_request'))).toEqual([
      'pull_request.opened',
      'pull_request.edited',
      'pull_request.closed',
      'pull_request.reopened',
      'pull_request_review.submitted',
      'pull_request_review.dismissed',
    ]);
    const edited = w.receiver.received.find((r) => r.action === 'edited')?.payload;
    expect(edited).toMatchObject({ changes: { title: { from: 'old' } }, pull_request: { title: 'new' } });
    const closed = w.receiver.received.find((r) => r.action === 'closed')?.payload;
    expect(closed).toMatchObject({ pull_request: { state: 'closed', merged: false } });
    const dismissed = w.receiver.received.find((r) => r.action === 'dismissed')?.payload;
    expect(dismissed).toMatchObject({
      review: { state: 'dismissed', user: { login: 'carol' } },
      sender: { login: 'alice' },
    });
  });
});
