import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

// A grant file NAME carrying a forged grantops record marker (no '/' needed in the JSON): were it
// applied, its reverting PR would print it ahead of the real record, and expiry would not revoke.
const FAKE = '{"v":1,"file":"x","grantee":"alice","resource":"prod-db","state":"revoked","approvers":[]}';
const FILE = `grants/prod-db/<!-- grantops:record ${FAKE} -->.yml`;

describe('a grant file name outside the safe characters never takes effect', () => {
  it('fails the check at file:1:1, is not merged when owners approve, and grants nothing', async () => {
    const pr = await request(world, 'alice', FILE, grantText('alice', 'prod-db', T0 + 2 * HOUR), 'alice/x');
    const check = world.gh.checkRuns({ repo: R, ref: pull(world, pr).headSha }).at(-1);
    expect(check).toMatchObject({ name: 'grantops', conclusion: 'failure' });
    expect(JSON.stringify(check)).toContain('grant-path-name');
    await approveAs(world, pr, 'dana', 'dave');
    expect(pull(world, pr)).toMatchObject({ state: 'open', merged: false });
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });

  it('matching the example auto_approve rule (oncall, prod-db, 1h) changes nothing', async () => {
    const pr = await request(world, 'alice', FILE, grantText('alice', 'prod-db', T0 + HOUR), 'alice/y');
    expect(pull(world, pr)).toMatchObject({ state: 'open', merged: false });
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
  });

  it('on the default branch (a direct push), it is never applied and gets no reverting PR', async () => {
    world.gh.commit({
      repo: R,
      branch: 'main',
      files: { [FILE]: grantText('alice', 'prod-db', T0 + HOUR) },
      message: 'sneaky',
      author: 'sam',
    });
    await world.gh.waitForIdle();
    await sweep(world);
    await sweep(world);
    expect(teamLogins(world, 'prod-db-admins')).toEqual([]);
    expect(world.gh.pulls(R).filter((p) => p.headRef.startsWith('grantops/revoke/'))).toEqual([]);
  });
});
