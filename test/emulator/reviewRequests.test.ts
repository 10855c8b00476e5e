import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { outcome } from './status.js';
import { seedWorld, type World } from './world.js';

let gh: Emulator | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await gh?.close();
  gh = undefined;
});

async function withPull(): Promise<World> {
  const w = await seedWorld();
  gh = w.gh;
  gh.createTeam({ org: 'acme', slug: 'sre', members: ['carol'] });
  gh.commit({ repo: 'acme/access', branch: 'r', files: { a: 'b' }, message: 'm', author: 'bob' });
  await w.as('bob').rest.pulls.create({ ...w.repo, title: 't', head: 'r', base: 'main' });
  return w;
}

describe('review requests and pending reviews', () => {
  it('requests reviewers and teams, and clears a request when the reviewer submits', async () => {
    const w = await withPull();
    const bob = w.as('bob');
    const pr = { ...w.repo, pull_number: 1 };
    expect(
      (await outcome(bob.rest.pulls.requestReviewers({ ...pr, reviewers: ['bob'] }))).data,
    ).toMatchObject({ message: 'Review cannot be requested from pull request author.' });
    const requested = await bob.rest.pulls.requestReviewers({
      ...pr,
      reviewers: ['carol', 'alice'],
      team_reviewers: ['sre'],
    });
    expect(requested.data.requested_reviewers?.map((u) => u.login)).toEqual(['carol', 'alice']);
    expect(requested.data.requested_teams?.map((t) => t.slug)).toEqual(['sre']);
    await w.as('carol').rest.pulls.createReview({ ...pr, event: 'COMMENT', body: 'looks fine' });
    const listed = await bob.rest.pulls.listRequestedReviewers(pr);
    expect(listed.data.users.map((u) => u.login)).toEqual(['alice']);
    await bob.rest.pulls.removeRequestedReviewers({ ...pr, reviewers: ['alice'], team_reviewers: ['sre'] });
    expect((await bob.rest.pulls.listRequestedReviewers(pr)).data).toMatchObject({ users: [], teams: [] });
  });

  it('keeps pending reviews private until submitted, and edits or deletes them', async () => {
    const w = await withPull();
    const carol = w.as('carol');
    const pr = { ...w.repo, pull_number: 1 };
    const pending = await carol.rest.pulls.createReview({ ...pr, body: 'draft' });
    expect(pending.data.state).toBe('PENDING');
    expect((await w.as('bob').rest.pulls.listReviews(pr)).data).toEqual([]);
    expect((await outcome(carol.rest.pulls.createReview({ ...pr, body: 'again' }))).data).toMatchObject({
      errors: ['User can only have one pending review per pull request'],
    });
    expect(
      (await carol.rest.pulls.updateReview({ ...pr, review_id: pending.data.id, body: 'edited' })).data.body,
    ).toBe('edited');
    expect((await carol.rest.pulls.deletePendingReview({ ...pr, review_id: pending.data.id })).data.id).toBe(
      pending.data.id,
    );
    const second = await carol.rest.pulls.createReview({ ...pr });
    const submitted = await carol.rest.pulls.submitReview({
      ...pr,
      review_id: second.data.id,
      event: 'APPROVE',
    });
    expect(submitted.data).toMatchObject({ state: 'APPROVED', submitted_at: expect.any(String) });
    expect((await w.as('bob').rest.pulls.getReview({ ...pr, review_id: second.data.id })).data.state).toBe(
      'APPROVED',
    );
    expect(
      (await outcome(carol.rest.pulls.submitReview({ ...pr, review_id: second.data.id, event: 'APPROVE' })))
        .status,
    ).toBe(422);
    expect((await outcome(carol.rest.pulls.createReview({ ...pr, event: 'REQUEST_CHANGES' }))).status).toBe(
      422,
    );
    const comment = await carol.rest.pulls.createReview({ ...pr, event: 'COMMENT', body: 'note' });
    expect(
      (
        await outcome(
          w.as('alice').rest.pulls.dismissReview({ ...pr, review_id: comment.data.id, message: 'x' }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await outcome(
          w.as('bob').rest.pulls.dismissReview({ ...pr, review_id: second.data.id, message: 'x' }),
        )
      ).status,
    ).toBe(200);
  });
});
