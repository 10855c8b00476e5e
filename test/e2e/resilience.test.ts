import { afterEach, describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/core/lifecycle/index.js';
import { openPullRequest, review } from '../../src/github/openPullRequest.js';
import { manualClock } from '../../src/demo/manualClock.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import {
  approveAs,
  disableAppMerge,
  expectCleanRun,
  grantText,
  HOUR,
  pull,
  R,
  request,
  revertPull,
  sweep,
  teamLogins,
} from './helpers.js';

const T0 = parseRfc3339('2026-11-30T09:00:00Z')!;
const MEMBERSHIP = '/orgs/{org}/teams/{team_slug}/memberships/{username}';
let world: World;

afterEach(async () => {
  expectCleanRun(world);
  await world.close();
});

// Membership writes on prod-db-admins (the sweep also corrects the strict billing-readers team).
const puts = (w: World) =>
  w.gh.requests.filter(
    (r) => r.method === 'PUT' && r.route === MEMBERSHIP && r.path.includes('/teams/prod-db-admins/'),
  );

describe('redelivered webhooks and repeated sweeps change nothing twice', () => {
  it('redelivering the merge, the review and the opened events', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + HOUR),
    );
    await approveAs(world, pr, 'dana', 'dave');
    const before = {
      pulls: world.gh.pulls(R).length,
      comments: world.gh.comments({ repo: R, number: pr }).length,
      checks: world.gh.checkRuns({ repo: R }).length,
      puts: puts(world).length,
    };
    for (const event of ['pull_request', 'pull_request_review']) {
      for (const delivery of world.gh.deliveries({ event })) await world.gh.redeliver(delivery.id);
    }
    await world.gh.waitForIdle();
    await sweep(world);
    await sweep(world);
    expect(world.gh.pulls(R).length).toBe(before.pulls);
    expect(world.gh.comments({ repo: R, number: pr }).length).toBe(before.comments);
    expect(puts(world).length).toBe(before.puts);
    expect(world.gh.checkRuns({ repo: R }).length).toBe(before.checks);
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    expect(world.gh.deliveries({ event: 'pull_request' }).every((d) => d.statusCode === 200)).toBe(true);
  });
});

describe('faults in the middle of applying', () => {
  it('502s and a timeout on the membership call are retried; the grant is applied once', async () => {
    world = await startWorld({
      clock: manualClock(T0),
      client: { throttle: false, retries: 2, retryBaseMs: 20, rateLimitRetries: 2, timeoutMs: 500 },
    });
    world.gh.faults.add({ method: 'PUT', route: MEMBERSHIP, times: 1, status: 502 });
    world.gh.faults.add({ method: 'PUT', route: MEMBERSHIP, times: 1, delayMs: 1500 });
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + HOUR),
    );
    await approveAs(world, pr, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    expect(decodeRecord(revertPull(world, 'grantops/revoke/prod-db/alice')!.body)).toMatchObject({
      state: 'applied',
    });
    expect(puts(world).map((r) => r.status)).toEqual([502, 200, 200]);
  });

  it('a secondary rate limit (403 with retry-after) is waited out, as in production', async () => {
    world = await startWorld({
      clock: manualClock(T0),
      client: { throttle: true, retries: 2, retryBaseMs: 20, rateLimitRetries: 2, timeoutMs: 5000 },
    });
    world.gh.faults.addSecondaryRateLimit({
      method: 'PUT',
      route: MEMBERSHIP,
      retryAfterSeconds: 1,
      times: 1,
    });
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + HOUR),
    );
    await approveAs(world, pr, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    expect(puts(world).map((r) => r.status)).toEqual([403, 200]);
  }, 60_000);

  it('a persistent failure is shown where people look, retried by every sweep, and never blocks other grants', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    world.gh.faults.add({
      method: 'PUT',
      route: MEMBERSHIP,
      times: 100,
      status: 500,
      body: { message: 'Server Error' },
    });
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + HOUR),
    );
    await approveAs(world, pr, 'dana', 'dave');
    const revert = revertPull(world, 'grantops/revoke/prod-db/alice')!;
    expect(revert.labels).toContain('grantops:failed');
    expect(decodeRecord(revert.body)).toMatchObject({ state: 'apply-failed' });
    expect(
      world.gh
        .comments({ repo: R, number: pr })
        .map((c) => c.body)
        .join('\n'),
    ).toContain('applying failed');
    const staging = await request(
      world,
      'frank',
      'grants/deploy-staging/frank.yml',
      grantText('frank', 'deploy-staging', T0 + HOUR),
    );
    expect(pull(world, staging).merged).toBe(true); // another grant goes through meanwhile
    world.gh.faults.clear();
    const report = await sweep(world);
    expect(report.installations[0]?.grants).toMatchObject({ applied: 1, failed: 0 });
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    expect(revertPull(world, 'grantops/revoke/prod-db/alice')!.labels).not.toContain('grantops:failed');
  });

  it('faults in the middle of applying several grants: each is applied once or visibly failed, and revoked on time', async () => {
    world = await startWorld({
      clock: manualClock(T0),
      client: { throttle: false, retries: 2, retryBaseMs: 20, rateLimitRetries: 2, timeoutMs: 500 },
    });
    // bob's membership keeps failing; alice's fails twice (502, then a hung call) and then works
    world.gh.faults.add({
      method: 'PUT',
      route: /memberships\/bob$/,
      times: 100,
      status: 500,
      body: { message: 'Server Error' },
    });
    world.gh.faults.add({ method: 'PUT', route: /memberships\/alice$/, times: 1, status: 502 });
    world.gh.faults.add({ method: 'PUT', route: /memberships\/alice$/, times: 1, delayMs: 1500 });
    const files = {
      'grants/prod-db/alice.yml': grantText('alice', 'prod-db', T0 + HOUR),
      'grants/prod-db/bob.yml': grantText('bob', 'prod-db', T0 + HOUR),
      'grants/prod-db/dave.yml': grantText('dave', 'prod-db', T0 + HOUR),
    };
    const pr = await openPullRequest(world.as('sam'), world.repo, {
      branch: 'three',
      title: 'three grants',
      files,
    });
    await world.gh.waitForIdle();
    await approveAs(world, pr, 'dana');
    world.gh.addOrgMember({ org: 'acme', login: 'paul' });
    await world.as('sam').rest.teams.addOrUpdateMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'dba-leads',
      username: 'paul',
    });
    await approveAs(world, pr, 'paul');
    expect(pull(world, pr).merged).toBe(true);
    expect(teamLogins(world, 'prod-db-admins').sort()).toEqual(['alice:member', 'dave:member']);
    const bob = revertPull(world, 'grantops/revoke/prod-db/bob')!;
    expect(bob.labels).toContain('grantops:failed');
    expect(decodeRecord(bob.body)).toMatchObject({ state: 'apply-failed' });
    const report = world.gh
      .comments({ repo: R, number: pr })
      .map((c) => c.body)
      .join('\n');
    expect(report).toContain('`grants/prod-db/bob.yml`: ❌ applying failed');
    expect(report).toContain('`grants/prod-db/alice.yml`: ✅ granted');
    const aliceDeletes = () =>
      world.gh.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith('/memberships/alice'));
    world.clock.advance(HOUR);
    await sweep(world); // bob still fails: his grant expires unapplied; the others are revoked on time
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expect(aliceDeletes()).toHaveLength(1);
    await sweep(world);
    expect(aliceDeletes()).toHaveLength(1); // nothing twice
  });

  it('revocation happens on time even when the reverting PR cannot be merged', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + HOUR),
    );
    await approveAs(world, pr, 'dana', 'dave');
    world.gh.protectBranch({
      repo: R,
      branch: 'main',
      requiredStatusChecks: ['grantops', 'ci'],
      requirePullRequest: true,
      bypassActors: [],
    });
    world.clock.advance(HOUR);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    const revert = revertPull(world, 'grantops/revoke/prod-db/alice')!;
    expect(decodeRecord(revert.body)).toMatchObject({ state: 'revoked' });
    expect(
      world.gh
        .comments({ repo: R, number: revert.number })
        .map((c) => c.body)
        .join('\n'),
    ).toContain('The access is revoked, but GitHub refused to merge this pull request');
    await sweep(world); // tries the merge again; nothing else
    expect(world.gh.comments({ repo: R, number: revert.number })).toHaveLength(1);
  });
});

describe('what the sweep catches', () => {
  it('a merge whose webhook was lost is applied by the next sweep, after checking its approval', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    disableAppMerge(world);
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + HOUR),
    );
    await approveAs(world, pr, 'dana', 'dave');
    expect(pull(world, pr).merged).toBe(false);
    world.gh.setWebhookUrl('grantops', null);
    await world.as('dana').rest.pulls.merge({ ...world.repo, pull_number: pr, merge_method: 'squash' });
    world.gh.setWebhookUrl('grantops', world.app.webhookUrl);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    const report = await sweep(world);
    expect(report.installations[0]?.grants).toMatchObject({ applied: 1, refused: 0 });
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    expect(decodeRecord(revertPull(world, 'grantops/revoke/prod-db/alice')!.body)).toMatchObject({
      requestPr: pr,
      approvers: ['dana', 'dave'],
    });
  });

  it('a grant pushed straight to main is reported on its commit and never applied', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const sha = world.gh.commit({
      repo: R,
      branch: 'main',
      files: { 'grants/prod-db/mallory.yml': grantText('mallory', 'prod-db', T0 + HOUR) },
      message: 'sneaky',
      author: 'sam',
    });
    await world.gh.waitForIdle();
    const report = await sweep(world);
    expect(report.installations[0]?.grants).toMatchObject({ applied: 0, refused: 1 });
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    const comments = world.gh.requests.filter(
      (r) => r.method === 'POST' && r.route === '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
    );
    expect(comments).toHaveLength(1);
    expect(comments[0]?.path).toContain(String(sha));
  });

  it('two merges on one resource at the same moment are both applied, each recording the true prior access', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    disableAppMerge(world);
    const a = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + HOUR),
    );
    const b = await request(world, 'bob', 'grants/prod-db/bob.yml', grantText('bob', 'prod-db', T0 + HOUR));
    for (const pr of [a, b])
      for (const who of ['dana', 'dave'] as const) await review(world.as(who), world.repo, pr);
    await world.gh.waitForIdle();
    world.gh.setWebhookUrl('grantops', null);
    await Promise.all(
      [a, b].map((pr) => world.as('dana').rest.pulls.merge({ ...world.repo, pull_number: pr })),
    );
    world.gh.setWebhookUrl('grantops', world.app.webhookUrl);
    const closed = world.gh.deliveries({ event: 'pull_request', action: 'closed' }).slice(-2);
    await Promise.all(
      closed.map((d) =>
        world.app.probot.receive({ id: d.guid, name: 'pull_request', payload: d.payload } as never),
      ),
    );
    await world.gh.waitForIdle();
    expect(teamLogins(world, 'prod-db-admins').sort()).toEqual(['alice:member', 'bob:member']);
    for (const who of ['alice', 'bob']) {
      expect(decodeRecord(revertPull(world, `grantops/revoke/prod-db/${who}`)!.body)).toMatchObject({
        state: 'applied',
        before: 'none',
      });
    }
    world.clock.advance(HOUR);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });
});
