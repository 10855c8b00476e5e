import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/core/lifecycle/index.js';
import { manualClock } from '../../src/demo/manualClock.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import {
  approveAs,
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
let world: World;

beforeEach(async () => {
  world = await startWorld({ clock: manualClock(T0) });
});
afterEach(async () => {
  expectCleanRun(world);
  await world.close();
});

describe('the lifecycle against the emulator', () => {
  it('request, check, approvals, merge, apply, reverting PR, expiry, revoke', async () => {
    const { gh, clock } = world;
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + 2 * HOUR),
    );
    expect(gh.checkRuns({ repo: R, ref: pull(world, pr).headSha }).at(-1)).toMatchObject({
      name: 'grantops',
      conclusion: 'action_required',
    });
    await approveAs(world, pr, 'dana');
    expect(pull(world, pr).state).toBe('open');
    await approveAs(world, pr, 'dave');
    expect(pull(world, pr)).toMatchObject({ state: 'closed', merged: true });
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    const revert = revertPull(world, 'grantops/revoke/prod-db/alice')!;
    expect(revert.title).toBe('Revoke prod-db for @alice at 2026-11-30 11:00 UTC');
    expect(revert.labels).toContain('grantops:revoke');
    expect(decodeRecord(revert.body)).toMatchObject({
      state: 'applied',
      before: 'none',
      granted: 'member',
      requestPr: pr,
      approvers: ['dana', 'dave'],
    });
    expect(
      gh
        .comments({ repo: R, number: pr })
        .map((c) => c.body)
        .join('\n'),
    ).toContain('granted prod-db to @alice until 2026-11-30 11:00 UTC');

    clock.advance(HOUR + 45 * 60_000);
    await sweep(world);
    expect(
      gh
        .comments({ repo: R, number: revert.number })
        .map((c) => c.body)
        .join('\n'),
    ).toContain('@alice your access to **prod-db** ends in about 15 minutes');
    await sweep(world);
    expect(gh.comments({ repo: R, number: revert.number })).toHaveLength(1);

    clock.advance(15 * 60_000);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expect(pull(world, revert.number)).toMatchObject({ state: 'closed', merged: true });
    expect(gh.readFile({ repo: R, path: 'grants/prod-db/alice.yml' })).toBeUndefined();
    const again = await sweep(world);
    expect(again.installations[0]?.grants).toMatchObject({ revoked: 0, applied: 0, failed: 0 });
  });

  it('the grantee approving and merging the reverting PR early gives the access back at once', async () => {
    const pr = await request(
      world,
      'frank',
      'grants/deploy-staging/frank.yml',
      grantText('frank', 'deploy-staging', T0 + 4 * HOUR),
    );
    expect(pull(world, pr).merged).toBe(true); // auto-approved: up to 8h
    const revert = revertPull(world, 'grantops/revoke/deploy-staging/frank')!;
    // grantops opened it, so its check waits for the grantee (or a code owner) to approve giving back
    await expect(
      world.as('frank').rest.pulls.merge({ ...world.repo, pull_number: revert.number }),
    ).rejects.toThrow(/Required status check "grantops"/);
    await approveAs(world, revert.number, 'frank');
    await world.as('frank').rest.pulls.merge({ ...world.repo, pull_number: revert.number });
    await world.gh.waitForIdle();
    expect(decodeRecord(pull(world, revert.number).body)).toMatchObject({ state: 'revoked' });
    expect(world.gh.readFile({ repo: R, path: 'grants/deploy-staging/frank.yml' })).toBeUndefined();
  });

  it('an extension moves the revocation: the same reverting PR, kept current', async () => {
    const { clock } = world;
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + 2 * HOUR),
    );
    await approveAs(world, pr, 'dana', 'dave');
    const first = revertPull(world, 'grantops/revoke/prod-db/alice')!;
    clock.advance(HOUR);
    const ext = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + 4 * HOUR),
      'alice/extend',
    );
    await approveAs(world, ext, 'dana', 'dave');
    expect(pull(world, ext).merged).toBe(true);
    const current = revertPull(world, 'grantops/revoke/prod-db/alice')!;
    expect(current.number).toBe(first.number);
    expect(current.title).toBe('Revoke prod-db for @alice at 2026-11-30 13:00 UTC');
    expect(decodeRecord(current.body)).toMatchObject({
      state: 'applied',
      before: 'none',
      expires: '2026-11-30T13:00:00Z',
    });
    clock.advance(HOUR + 1);
    await sweep(world); // past the first expiry: nothing happens
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    clock.advance(2 * HOUR);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expect(pull(world, current.number)).toMatchObject({ merged: true });
  });

  it('standing access is safe: expiry restores what the grantee had before, never less', async () => {
    const { clock } = world;
    await world.as('sam').rest.teams.addOrUpdateMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'prod-db-admins',
      username: 'bob',
      role: 'member',
    });
    const pr = await request(
      world,
      'bob',
      'grants/prod-db/bob.yml',
      grantText('bob', 'prod-db', T0 + HOUR, 'role: maintainer\n'),
    );
    await approveAs(world, pr, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['bob:maintainer']);
    expect(decodeRecord(revertPull(world, 'grantops/revoke/prod-db/bob')!.body)).toMatchObject({
      before: 'member',
      granted: 'maintainer',
    });
    clock.advance(HOUR);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['bob:member']);
  });

  it('a grant to someone who already has the access changes nothing, before or after', async () => {
    const { clock } = world;
    await world.as('sam').rest.teams.addOrUpdateMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'prod-db-admins',
      username: 'bob',
      role: 'maintainer',
    });
    const pr = await request(world, 'bob', 'grants/prod-db/bob.yml', grantText('bob', 'prod-db', T0 + HOUR));
    await approveAs(world, pr, 'dana', 'dave');
    expect(decodeRecord(revertPull(world, 'grantops/revoke/prod-db/bob')!.body)).toMatchObject({
      state: 'applied',
      before: 'maintainer',
    });
    clock.advance(HOUR);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['bob:maintainer']);
  });

  it('a scheduled grant is recorded on merge and applied when it starts', async () => {
    const { clock } = world;
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + 3 * HOUR, `starts: 2026-11-30T10:00:00Z\n`),
    );
    await approveAs(world, pr, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    const revert = revertPull(world, 'grantops/revoke/prod-db/alice')!;
    expect(revert.labels).toContain('grantops:scheduled');
    expect(decodeRecord(revert.body)).toMatchObject({ state: 'scheduled' });
    expect(decodeRecord(revert.body)?.before).toBeUndefined(); // read only when the grant starts
    clock.advance(HOUR);
    const report = await sweep(world);
    expect(report.installations[0]?.grants?.applied).toBe(1);
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    expect(revertPull(world, 'grantops/revoke/prod-db/alice')!.labels).not.toContain('grantops:scheduled');
  });

  it('github-repo grants give a collaborator permission and take it back', async () => {
    const { clock } = world;
    const pr = await request(
      world,
      'erin',
      'grants/payments-write/erin.yml',
      grantText('erin', 'payments-write', T0 + HOUR, 'role: maintain\n')
        .replace('INC-4242', 'CHG-7')
        .replace('INC-4242', 'CHG-7'),
    );
    await approveAs(world, pr, 'dana');
    expect(pull(world, pr).merged).toBe(false); // dana does not own payments-write grants
    world.gh.addOrgMember({ org: 'acme', login: 'dana' });
    await world.as('sam').rest.teams.addOrUpdateMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'payments-leads',
      username: 'dana',
    });
    await approveAs(world, pr, 'dana');
    expect(pull(world, pr).merged).toBe(true);
    expect(world.gh.collaborators('acme/payments')).toContainEqual(
      expect.objectContaining({ login: 'erin', permission: 'maintain' }),
    );
    clock.advance(HOUR);
    await sweep(world);
    // erin had push through the organisation's base permission before the grant: that is what stays
    expect(world.gh.collaborators('acme/payments')).toContainEqual(
      expect.objectContaining({ login: 'erin', permission: 'push' }),
    );
    expect(
      decodeRecord(world.gh.pulls(R).find((p) => p.headRef === 'grantops/revoke/payments-write/erin')!.body),
    ).toMatchObject({ before: 'push', granted: 'maintain', state: 'revoked' });
  });

  it('a break-glass grant applies at once, stays flagged, and is cleared by an owner reviewing it after the fact', async () => {
    const pr = await request(
      world,
      'frank',
      'grants/deploy-production/frank.yml',
      grantText('frank', 'deploy-production', T0 + HOUR, 'emergency: true\n'),
    );
    const merged = pull(world, pr);
    expect(merged.merged).toBe(true); // no review needed
    expect(merged.labels).toContain('grantops:emergency-unreviewed');
    expect(decodeRecord(revertPull(world, 'grantops/revoke/deploy-production/frank')!.body)).toMatchObject({
      emergency: true,
      state: 'applied',
    });
    await approveAs(world, pr, 'mallory'); // not an owner: stays flagged
    expect(pull(world, pr).labels).toContain('grantops:emergency-unreviewed');
    await approveAs(world, pr, 'rita');
    expect(pull(world, pr).labels).not.toContain('grantops:emergency-unreviewed');
    expect(
      world.gh
        .comments({ repo: R, number: pr })
        .map((c) => c.body)
        .join('\n'),
    ).toContain('Emergency access reviewed after the fact by @rita');
  });

  it('strict mode: a sweep removes access no grant or standing declaration explains, and only that', async () => {
    // billing-readers is strict with carol standing (as a member, its first role; she was seeded as
    // maintainer); mallory adds herself by hand; erin holds a grant
    await world.as('sam').rest.teams.addOrUpdateMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'billing-readers',
      username: 'mallory',
    });
    const pr = await request(
      world,
      'erin',
      'grants/billing-readers/erin.yml',
      grantText('erin', 'billing-readers', T0 + 2 * HOUR),
    );
    await approveAs(world, pr, 'carol');
    expect(pull(world, pr).merged).toBe(true);
    const report = await sweep(world);
    expect(report.installations[0]?.grants?.drift).toEqual([
      { resource: 'billing-readers', found: 2, removed: 2, failed: 0 },
    ]);
    expect(teamLogins(world, 'billing-readers').sort()).toEqual(['carol:member', 'erin:member']);
    world.clock.advance(2 * HOUR);
    await sweep(world);
    expect(teamLogins(world, 'billing-readers')).toEqual(['carol:member']);
  });
});
