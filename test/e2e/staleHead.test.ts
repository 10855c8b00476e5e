import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/demo/manualClock.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { expectCleanRun, grantText, HOUR, pull, R, request } from './helpers.js';

const T0 = parseRfc3339('2026-11-30T09:00:00Z')!;
let world: World;

afterEach(async () => {
  expectCleanRun(world);
  await world.close();
});

describe('a check run vouches only for the commit it was judged on', () => {
  it('a redelivered event for a grant commit, after the branch moved to a docs-only commit, does not pass it', async () => {
    world = await startWorld({ clock: manualClock(T0) });
    const branch = 'mallory/prod-db';
    const pr = await request(
      world,
      'alice',
      'grants/prod-db/alice.yml',
      grantText('alice', 'prod-db', T0 + 2 * HOUR),
      branch,
    );
    const grantHead = pull(world, pr).headSha;
    // two hours is past the oncall auto-approval (1h): the grant waits for two code owners
    expect(world.gh.checkRuns({ repo: R, ref: grantHead }).at(-1)?.conclusion).toBe('action_required');
    // Force-push a docs-only commit: the PR's own file list now shows docs/notes.md alone.
    const docsHead = world.gh.commit({
      repo: R,
      branch: 'scratch',
      files: { 'docs/notes.md': 'nothing to see\n' },
      message: 'docs',
      author: 'alice',
      silent: true,
    });
    world.gh.setRef({ repo: R, ref: branch, to: docsHead, actor: 'alice' });
    await world.gh.waitForIdle();
    expect(pull(world, pr).headSha).toBe(docsHead);
    // The event for the grant commit arrives late (a redelivery, or a queue behind the push).
    for (const delivery of world.gh.deliveries({ event: 'pull_request', action: 'opened' }))
      await world.gh.redeliver(delivery.id);
    await world.gh.waitForIdle();
    const runs = world.gh.checkRuns({ repo: R, ref: grantHead }).filter((c) => c.name === 'grantops');
    const latest = runs.sort((a, b) => b.id - a.id)[0];
    expect(latest).toMatchObject({
      headSha: grantHead,
      conclusion: 'action_required',
      title: 'Waiting for 2 more code-owner approvals',
    });
  });
});
