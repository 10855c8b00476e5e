import { afterEach, describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, type GrantRecord } from '../../src/core/lifecycle/index.js';
import { createRecordSeal } from '../../src/app/lifecycle/recordSeal.js';
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

// The grant record of a reverting PR decides what revocation restores and whether it runs at all.
// People can write PR bodies (anyone who can read the repository can open a PR from the App's
// branch; writers can edit the App's PR and push to or delete its branch): none of it may keep
// access past expiry or give access to someone nobody approved.

const T0 = parseRfc3339('2026-11-30T09:00:00Z')!;
const FILE = 'grants/prod-db/alice.yml';
const BRANCH = 'grantops/revoke/prod-db/alice';
let world: World;

afterEach(async () => {
  await world?.close();
});

/** alice's prod-db grant until T0+2h, approved by dana and dave, merged and applied. */
async function aliceHoldsProdDb(): Promise<{ number: number; body: string; record: GrantRecord }> {
  world = await startWorld({ clock: manualClock(T0) });
  const pr = await request(world, 'alice', FILE, grantText('alice', 'prod-db', T0 + 2 * HOUR));
  await approveAs(world, pr, 'dana', 'dave');
  expect(pull(world, pr)).toMatchObject({ merged: true });
  expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
  const revert = revertPull(world, BRANCH)!;
  return { number: revert.number, body: revert.body ?? '', record: decodeRecord(revert.body)! };
}

/** A record as an attacker would write it: unsealed, or sealed under a key they made up. */
const forged = (record: GrantRecord, sealed: boolean) =>
  sealed
    ? encodeRecord(record, { seal: createRecordSeal('the attacker guesses a key 0123'), repo: R, pull: 1 })
    : `<!-- grantops:record ${JSON.stringify(record)} -->`;

async function expireAndSweep(hours = 3): Promise<void> {
  world.clock.advance(hours * HOUR);
  await sweep(world);
  await sweep(world);
}

describe('forged records are not believed', () => {
  it.each([
    ['unsealed', false],
    ['sealed under another key', true],
  ])(
    'the App’s PR edited to a %s record saying "revoked" still loses the access at expiry, all of it',
    async (_name, sealed) => {
      const { number, body, record } = await aliceHoldsProdDb();
      const edited = body.replace(
        /<!-- grantops:record .*? -->/s,
        forged({ ...record, state: 'revoked', before: 'maintainer' }, sealed),
      );
      await world.as('alice').rest.pulls.update({ ...world.repo, pull_number: number, body: edited });
      await world.gh.waitForIdle();
      await expireAndSweep();
      expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
      expect(pull(world, number)).toMatchObject({ merged: true }); // the grant file is gone from main
      expect(world.gh.readFile({ repo: R, path: FILE })).toBeUndefined();
      expectCleanRun(world);
    },
  );

  it('a PR from the App’s branch into another branch, carrying a record for mallory, gives mallory nothing', async () => {
    const { record } = await aliceHoldsProdDb();
    const main = await world.as('mallory').rest.git.getRef({ ...world.repo, ref: 'heads/main' });
    await world.as('alice').rest.git.createRef({
      ...world.repo,
      ref: 'refs/heads/notes',
      sha: main.data.object.sha,
    });
    await world.as('mallory').rest.pulls.create({
      ...world.repo,
      head: BRANCH,
      base: 'notes',
      title: 'notes',
      body: forged({ ...record, grantee: 'mallory', state: 'revoked', blob: 'x' }, true),
    });
    await world.gh.waitForIdle();
    world.clock.advance(HOUR);
    const extension = await request(
      world,
      'alice',
      FILE,
      grantText('alice', 'prod-db', T0 + 4 * HOUR),
      'alice/extend',
    );
    await approveAs(world, extension, 'dana', 'dave');
    expect(pull(world, extension)).toMatchObject({ merged: true });
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    await expireAndSweep(4);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expectCleanRun(world);
  });
});

describe('the reverting branch is the App’s', () => {
  it('deleted before expiry: the record on the closed PR is kept, and expiry still revokes', async () => {
    await aliceHoldsProdDb();
    await world.as('alice').rest.git.deleteRef({ ...world.repo, ref: `heads/${BRANCH}` });
    await world.gh.waitForIdle();
    world.clock.advance(HOUR);
    await sweep(world); // the grant looks unapplied: it is applied again, from its sealed record
    const reopened = revertPull(world, BRANCH)!;
    expect(decodeRecord(reopened.body)).toMatchObject({ before: 'none', state: 'applied' });
    await expireAndSweep(2);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expectCleanRun(world);
  });

  it('deleted, and the grant expired before any sweep saw it: revoked from the closed PR’s record', async () => {
    await aliceHoldsProdDb();
    await world.as('alice').rest.git.deleteRef({ ...world.repo, ref: `heads/${BRANCH}` });
    await world.gh.waitForIdle();
    world.clock.advance(3 * HOUR);
    const report = await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expect(report.installations[0]?.grants?.orphans ?? []).toEqual([]);
    // Revoked; the file stays on main with no PR to remove it, so later sweeps report it.
    const later = await sweep(world);
    expect(later.installations[0]?.grants?.orphans).toEqual([FILE]);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expectCleanRun(world);
  });

  it('a commit someone pushed to it is never merged: the App merges only the deletion it built', async () => {
    await aliceHoldsProdDb();
    const policy = world.gh.readFile({ repo: R, path: 'access.yml' })!;
    world.gh.commit({
      repo: R,
      branch: BRANCH,
      files: { 'access.yml': `${policy}\n# smuggled in by a writer\n` },
      message: 'tidy',
      author: 'alice',
    });
    await world.gh.waitForIdle();
    await expireAndSweep();
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expect(world.gh.readFile({ repo: R, path: 'access.yml' })).toBe(policy);
    expect(world.gh.readFile({ repo: R, path: FILE })).toBeUndefined();
    expectCleanRun(world);
  });
});

describe('a grant changed on main without a pull request', () => {
  it('a merged extension is not taken for a direct push while GitHub has not linked its commit to the PR yet', async () => {
    await aliceHoldsProdDb();
    world.clock.advance(HOUR);
    // GitHub links commits to pull requests asynchronously: right after the merge the list is empty.
    world.gh.faults.add({
      method: 'GET',
      route: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      times: 10,
      status: 200,
      body: [],
    });
    const extension = await request(
      world,
      'alice',
      FILE,
      grantText('alice', 'prod-db', T0 + 4 * HOUR),
      'alice/extend',
    );
    await approveAs(world, extension, 'dana', 'dave');
    expect(pull(world, extension)).toMatchObject({ merged: true });
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
    expect(world.gh.readFile({ repo: R, path: FILE })).toBeDefined();
    expectCleanRun(world);
  });

  it('a direct push that moves expires of an applied grant revokes it at once', async () => {
    await aliceHoldsProdDb();
    world.clock.advance(HOUR);
    world.gh.commit({
      repo: R,
      branch: 'main',
      files: { [FILE]: grantText('alice', 'prod-db', T0 + 5 * HOUR) },
      message: 'extend (#1)', // names the merged request PR, whose merge commit it is not
      author: 'alice',
    });
    await world.gh.waitForIdle();
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    await expireAndSweep(1.5);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expectCleanRun(world);
  });
});
