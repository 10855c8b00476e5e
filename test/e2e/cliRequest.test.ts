import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/demo/manualClock.js';
import { tokenOf } from '../../src/demo/people.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { runCliCapture } from '../helpers/runCliCapture.js';
import { expectCleanRun, R } from './helpers.js';

let world: World;
afterEach(async () => {
  expectCleanRun(world);
  await world.close();
});

describe('grantops request --open-pr against the emulator', () => {
  it('opens the request pull request that grantops then judges', async () => {
    const now = '2026-11-30T09:00:00Z';
    world = await startWorld({ clock: manualClock(Date.parse(now)) });
    const env = { GITHUB_API_URL: world.gh.url, GITHUB_TOKEN: tokenOf('alice') };
    const args = [
      'request',
      'prod-db',
      '--for',
      '1h',
      '--reason',
      'INC-9: replica lag',
      '--ticket',
      'INC-9',
      '--grantee',
      'alice',
      '--open-pr',
      '--repo',
      'acme/access-grants',
    ];
    const { code, stdout } = await runCliCapture(args, { env, now });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'opened pull request #1 on acme/access-grants with grants/prod-db/alice-20261130t0900.yml',
    );
    await world.gh.waitForIdle();
    const pr = world.gh.pulls(R)[0]!;
    expect(pr).toMatchObject({
      title: 'Request prod-db for @alice until 2026-11-30T10:00:00Z',
      user: 'alice',
    });
    // alice is on call and asks for an hour: prod-db's auto_approve rule lets it through, and grantops merges it
    expect(world.gh.checkRuns({ repo: R, ref: pr.headSha }).at(-1)).toMatchObject({ conclusion: 'success' });
    expect(pr.merged).toBe(true);
  });

  it('opens nothing when the request breaks the policy', async () => {
    world = await startWorld({ clock: manualClock() });
    const env = { GITHUB_API_URL: world.gh.url, GITHUB_TOKEN: tokenOf('alice') };
    const { code, stderr } = await runCliCapture(
      [
        'request',
        'prod-db',
        '--for',
        '9h',
        '--reason',
        'too long a request',
        '--grantee',
        'alice',
        '--open-pr',
        '--repo',
        'acme/access-grants',
      ],
      { env },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('[grant-too-long]');
    expect(world.gh.pulls(R)).toEqual([]);
  });
});
