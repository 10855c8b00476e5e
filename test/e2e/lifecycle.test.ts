import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/core/lifecycle/index.js';
import { openPullRequest, review } from '../../src/demo/actAs.js';
import { manualClock } from '../../src/demo/manualClock.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { formatUtc, parseRfc3339 } from '../../src/core/time/index.js';

const T0 = parseRfc3339('2026-11-30T09:00:00Z')!;
const HOUR = 3_600_000;
let world: World;

beforeEach(async () => {
  world = await startWorld({ clock: manualClock(T0) });
});
afterEach(async () => {
  await world.close();
});

function grantText(grantee: string, resource: string, expiresAt: number, extra = ''): string {
  return `grantee: ${grantee}\nresource: ${resource}\nreason: "INC-4242: replication lag on the primary"\nticket: INC-4242\nexpires: ${formatUtc(expiresAt)}\n${extra}`;
}

const R = 'acme/access-grants';

describe('the whole lifecycle against the emulator', () => {
  it('request, check, approvals, merge, apply, reverting PR, expiry, revoke', async () => {
    const { gh, repo, as, clock } = world;
    const pr = await openPullRequest(as('alice'), repo, {
      branch: 'alice/prod-db',
      title: 'prod-db for alice',
      files: { 'grants/prod-db/alice.yml': grantText('alice', 'prod-db', T0 + 2 * HOUR) },
    });
    await gh.waitForIdle();
    const head = gh.pulls(R).find((p) => p.number === pr)!;
    expect(gh.checkRuns({ repo: R, ref: head.headSha }).at(-1)).toMatchObject({
      name: 'grantops',
      conclusion: 'action_required',
    });

    await review(as('dana'), repo, pr);
    await gh.waitForIdle();
    expect(gh.pulls(R).find((p) => p.number === pr)?.state).toBe('open');
    await review(as('dave'), repo, pr);
    await gh.waitForIdle();

    const merged = gh.pulls(R).find((p) => p.number === pr)!;
    expect(merged).toMatchObject({ state: 'closed', merged: true });
    expect(gh.teamMembers({ org: 'acme', team: 'prod-db-admins' })).toContainEqual(
      expect.objectContaining({ login: 'alice', state: 'active' }),
    );
    const revert = gh.pulls(R).find((p) => p.headRef === 'grantops/revoke/prod-db/alice')!;
    expect(revert).toMatchObject({
      state: 'open',
      title: 'Revoke prod-db for @alice at 2026-11-30 11:00 UTC',
    });
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

    clock.advance(2 * HOUR);
    await world.app.sweep();
    await gh.waitForIdle();
    expect(gh.teamMembers({ org: 'acme', team: 'prod-db-admins' }).map((m) => m.login)).not.toContain(
      'alice',
    );
    expect(gh.pulls(R).find((p) => p.number === revert.number)).toMatchObject({
      state: 'closed',
      merged: true,
    });
    expect(gh.readFile({ repo: R, path: 'grants/prod-db/alice.yml' })).toBeUndefined();
    expect(gh.unknownRoutes).toEqual([]);
    expect(gh.errors).toEqual([]);
  });
});
