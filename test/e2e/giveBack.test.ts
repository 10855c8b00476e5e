import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPullRequest } from '../../src/github/openPullRequest.js';
import { manualClock } from '../../src/demo/manualClock.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { approveAs, expectCleanRun, grantText, HOUR, pull, R, request, teamLogins } from './helpers.js';

const T0 = parseRfc3339('2026-11-30T09:00:00Z')!;
let world: World;

beforeEach(async () => {
  world = await startWorld({ clock: manualClock(T0) });
});
afterEach(async () => {
  expectCleanRun(world);
  await world.close();
});

/** alice holds prod-db through an approved, applied request. */
async function aliceHasProdDb(): Promise<void> {
  const pr = await request(
    world,
    'alice',
    'grants/prod-db/alice.yml',
    grantText('alice', 'prod-db', T0 + 2 * HOUR),
  );
  await approveAs(world, pr, 'dana', 'dave');
  expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);
}

/** Opens a PR as `who` that deletes alice's grant file, and returns its number and latest check. */
async function removeAlicesGrant(who: 'alice' | 'mallory') {
  const number = await openPullRequest(world.as(who), world.repo, {
    branch: `${who}/remove-alice`,
    title: 'remove prod-db for alice',
    files: { 'grants/prod-db/alice.yml': null },
  });
  await world.gh.waitForIdle();
  return { number, check: () => world.gh.checkRuns({ repo: R, ref: pull(world, number).headSha }).at(-1) };
}

describe('a pull request that deletes grant files', () => {
  it("removing someone else's grant waits for a code owner; unapproved, it cannot be merged", async () => {
    await aliceHasProdDb();
    const give = await removeAlicesGrant('mallory');
    expect(give.check()).toMatchObject({
      conclusion: 'action_required',
      title:
        'Removing 1 grant of others needs approval: grants/prod-db/alice.yml by @acme/dba-leads or @alice',
    });
    await expect(
      world.as('mallory').rest.pulls.merge({ ...world.repo, pull_number: give.number }),
    ).rejects.toThrow(/Required status check "grantops"/);
    expect(teamLogins(world, 'prod-db-admins')).toEqual(['alice:member']);

    await approveAs(world, give.number, 'dana');
    expect(give.check()).toMatchObject({ conclusion: 'success' });
    expect(pull(world, give.number).state).toBe('open'); // grantops does not merge removals
    await world.as('mallory').rest.pulls.merge({ ...world.repo, pull_number: give.number });
    await world.gh.waitForIdle();
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });

  it('the grantee gives their own access back early without anyone', async () => {
    await aliceHasProdDb();
    const give = await removeAlicesGrant('alice');
    expect(give.check()).toMatchObject({
      conclusion: 'success',
      title: 'Removes 1 grant: the access is revoked on merge',
    });
    await world.as('alice').rest.pulls.merge({ ...world.repo, pull_number: give.number });
    await world.gh.waitForIdle();
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });
});
