import { afterEach, describe, expect, it } from 'vitest';
import { openPullRequest } from '../../src/github/openPullRequest.js';
import { decodeRecord } from '../../src/core/lifecycle/index.js';
import { manualClock } from '../../src/demo/manualClock.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { approveAs, grantText, HOUR, pull, R, request, revertPull, sweep, teamLogins } from './helpers.js';

const T0 = parseRfc3339('2026-11-30T09:00:00Z')!;
const FILE = 'grants/prod-db/alice.yml';
const BRANCH = 'grantops/revoke/prod-db/alice';
let world: World;

afterEach(async () => {
  await world?.close();
});

async function editBody(who: 'alice', number: number, body: string) {
  await world.as(who).rest.pulls.update({ ...world.repo, pull_number: number, body });
  await world.gh.waitForIdle();
}

// Older records grantops sealed, put back by someone who can edit PRs, and records lost with a
// removed file: none of it keeps access past its approved expiry or hands it to someone else.
describe('replayed and lost records', () => {
  it('the PR’s own earlier "scheduled" body put back after the grant started: revoked at expiry all the same', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const pr = await request(
      world,
      'alice',
      FILE,
      grantText('alice', 'prod-db', T0 + 3 * HOUR, `starts: 2026-11-30T10:00:00Z\n`),
    );
    await approveAs(world, pr, 'dana', 'dave');
    const scheduled = revertPull(world, BRANCH)!;
    const scheduledBody = scheduled.body ?? ''; // visible to every reader (and in the edit history)
    expect(decodeRecord(scheduledBody)).toMatchObject({ state: 'scheduled' });
    world.clock.advance(1.5 * HOUR);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    await editBody('alice', scheduled.number, scheduledBody); // a writer puts the old sealed body back
    world.clock.advance(3 * HOUR);
    await sweep(world);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });

  it('the "revoked" record of an earlier grant of the same file, put on the new PR, is not believed', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const first = await request(
      world,
      'alice',
      FILE,
      grantText('alice', 'prod-db', T0 + HOUR),
      'alice/first',
    );
    await approveAs(world, first, 'dana', 'dave');
    world.clock.advance(2 * HOUR);
    await sweep(world);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    const old = world.gh.pulls(R).find((p) => p.headRef === BRANCH)!;
    expect(decodeRecord(old.body)).toMatchObject({ state: 'revoked' });
    const second = await request(
      world,
      'alice',
      FILE,
      grantText('alice', 'prod-db', T0 + 5 * HOUR),
      'alice/second',
    );
    await approveAs(world, second, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    const current = revertPull(world, BRANCH)!;
    expect(current.number).not.toBe(old.number);
    await editBody('alice', current.number, old.body ?? '');
    world.clock.advance(4 * HOUR);
    await sweep(world);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });

  it('a stripped record, then the grantee removes their own file by PR: revoked from the file as it was', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const pr = await request(world, 'alice', FILE, grantText('alice', 'prod-db', T0 + 2 * HOUR));
    await approveAs(world, pr, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    const revert = revertPull(world, BRANCH)!;
    await editBody('alice', revert.number, (revert.body ?? '').replace(/<!-- grantops:record .*? -->/s, ''));
    const give = await openPullRequest(world.as('alice'), world.repo, {
      branch: 'alice/remove',
      title: 'give back',
      files: { [FILE]: null },
    });
    await world.gh.waitForIdle();
    await world.as('alice').rest.pulls.merge({ ...world.repo, pull_number: give });
    await world.gh.waitForIdle();
    world.clock.advance(3 * HOUR);
    await sweep(world);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });

  it('a scheduled grant changed on main without a PR is never applied', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const pr = await request(
      world,
      'alice',
      FILE,
      grantText('alice', 'prod-db', T0 + 3 * HOUR, `starts: 2026-11-30T10:00:00Z\n`),
    );
    await approveAs(world, pr, 'dana', 'dave');
    expect(pull(world, pr)).toMatchObject({ merged: true });
    world.gh.commit({
      repo: R,
      branch: 'main',
      files: {
        [FILE]: grantText(
          'alice',
          'prod-db',
          T0 + 5 * HOUR,
          `starts: 2026-11-30T10:00:00Z\nrole: maintainer\n`,
        ),
      },
      message: 'extend',
      author: 'alice',
    });
    await world.gh.waitForIdle();
    world.clock.advance(1.5 * HOUR);
    await sweep(world);
    const applied = teamLogins(world, 'prod-db-admins');
    world.clock.advance(2 * HOUR); // past the approved expiry
    await sweep(world);
    await sweep(world);
    expect({ applied, after: teamLogins(world, 'prod-db-admins') }).toEqual({ applied: [], after: [] });
  });
});

describe('a record of another grantee', () => {
  it('an older record of another grantee of the same file, put on the PR, gives them nothing on an extension', async () => {
    const P = 'grants/prod-db/oncall.yml';
    const PB = 'grantops/revoke/prod-db/oncall';
    world = await startWorld({ clock: manualClock(T0) });
    const first = await request(world, 'bob', P, grantText('bob', 'prod-db', T0 + HOUR), 'bob/oncall');
    await approveAs(world, first, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['bob:member']);
    const bobsApplied = revertPull(world, PB)!.body ?? ''; // sealed, state applied (in the edit history later)
    world.clock.advance(2 * HOUR);
    await sweep(world);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    const second = await request(
      world,
      'alice',
      P,
      grantText('alice', 'prod-db', T0 + 4 * HOUR),
      'alice/oncall',
    );
    await approveAs(world, second, 'dana', 'dave');
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    const current = revertPull(world, PB)!;
    await world
      .as('bob')
      .rest.pulls.update({ ...world.repo, pull_number: current.number, body: bobsApplied });
    await world.gh.waitForIdle();
    const ext = await request(
      world,
      'alice',
      P,
      grantText('alice', 'prod-db', T0 + 5 * HOUR),
      'alice/extend',
    );
    await approveAs(world, ext, 'dana', 'dave');
    expect(pull(world, ext)).toMatchObject({ merged: true });
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
  });
});
