import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { outcome } from './status.js';
import { seedAppWorld } from './world.js';

let gh: Emulator | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await cleanup?.();
  await gh?.close();
  gh = undefined;
});

async function appWorld() {
  const w = await seedAppWorld();
  gh = w.gh;
  cleanup = w.receiver.close;
  return w;
}

describe('webhooks', () => {
  it('delivers signed events with GitHub’s headers, starting with installation.created', async () => {
    const w = await appWorld();
    const [first] = w.receiver.received;
    expect(first).toMatchObject({ event: 'installation', action: 'created', signatureValid: true });
    expect(first?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^GitHub-Hookshot\//),
      'x-github-delivery': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'x-hub-signature-256': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    expect(first?.payload).toMatchObject({
      installation: { id: w.installation.id, account: { login: 'acme' } },
      repositories: [{ full_name: 'acme/access' }],
    });
    expect(gh?.deliveries({ event: 'installation' })[0]).toMatchObject({
      statusCode: 200,
      status: 'OK',
      action: 'created',
    });
  });

  it('follows a pull request through opened, review, synchronize and a merged close', async () => {
    const w = await appWorld();
    const bob = w.as('bob');
    const main = gh?.resolve({ repo: 'acme/access', ref: 'main' }) as string;
    await bob.rest.git.createRef({ ...w.repo, ref: 'refs/heads/request/bob', sha: main });
    await bob.rest.repos.createOrUpdateFileContents({
      ...w.repo,
      path: 'grants/prod-db/bob.yml',
      message: 'request',
      content: Buffer.from('grantee: bob\n').toString('base64'),
      branch: 'request/bob',
    });
    await bob.rest.pulls.create({ ...w.repo, title: 'prod-db', head: 'request/bob', base: 'main' });
    await w.as('carol').rest.pulls.createReview({ ...w.repo, pull_number: 1, event: 'APPROVE' });
    gh?.commit({
      repo: 'acme/access',
      branch: 'request/bob',
      files: { 'grants/prod-db/bob.yml': 'grantee: bob\nrole: member\n' },
      message: 'role',
      author: 'bob',
    });
    await w.asInstallation.rest.pulls.merge({ ...w.repo, pull_number: 1 });
    await gh?.waitForIdle();
    expect(w.receiver.events().slice(1)).toEqual([
      'push',
      'push',
      'pull_request.opened',
      'pull_request_review.submitted',
      'push',
      'pull_request.synchronize',
      'push',
      'pull_request.closed',
    ]);
    expect(w.receiver.received.every((r) => r.signatureValid)).toBe(true);
    const opened = w.receiver.received.find((r) => r.action === 'opened')?.payload;
    expect(opened).toMatchObject({
      action: 'opened',
      number: 1,
      pull_request: {
        number: 1,
        user: { login: 'bob' },
        head: { ref: 'request/bob' },
        base: { ref: 'main' },
        merged: false,
      },
      repository: { full_name: 'acme/access', default_branch: 'main', owner: { login: 'acme' } },
      organization: { login: 'acme' },
      installation: { id: w.installation.id },
      sender: { login: 'bob' },
    });
    const review = w.receiver.received.find((r) => r.event === 'pull_request_review')?.payload;
    expect(review).toMatchObject({
      review: { state: 'approved', user: { login: 'carol' } },
      sender: { login: 'carol' },
    });
    const sync = w.receiver.received.find((r) => r.action === 'synchronize')?.payload;
    expect(sync?.['before']).not.toEqual(sync?.['after']);
    const closed = w.receiver.received.find((r) => r.action === 'closed')?.payload;
    expect(closed).toMatchObject({
      pull_request: { merged: true, merged_by: { login: 'grantops[bot]' } },
      sender: { login: 'grantops[bot]' },
    });
    const push = w.receiver.received.at(-2)?.payload;
    expect(push).toMatchObject({
      ref: 'refs/heads/main',
      head_commit: { committer: { name: 'GitHub' } },
      pusher: { name: 'grantops[bot]' },
    });
    const created = w.receiver.received[1]?.payload;
    expect(created).toMatchObject({
      ref: 'refs/heads/request/bob',
      created: true,
      before: '0'.repeat(40),
      commits: [],
    });
  });

  it('records failed deliveries and redelivers them with the same GUID and body', async () => {
    const w = await appWorld();
    let failNext = true;
    await cleanup?.();
    const { startReceiver } = await import('./receiver.js');
    const flaky = await startReceiver(w.app.webhookSecret, () =>
      failNext ? ((failNext = false), 500) : 200,
    );
    cleanup = flaky.close;
    gh?.setWebhookUrl('grantops', flaky.url);
    gh?.commit({
      repo: 'acme/access',
      branch: 'main',
      files: { x: '1' },
      message: 'direct',
      author: 'alice',
    });
    await gh?.waitForIdle();
    const [failed] = gh?.deliveries({ event: 'push' }) ?? [];
    expect(failed).toMatchObject({
      statusCode: 500,
      status: 'Invalid HTTP Response: 500',
      redelivery: false,
    });
    const again = await gh?.redeliver(failed?.guid ?? '');
    expect(again).toMatchObject({
      guid: failed?.guid,
      statusCode: 200,
      redelivery: true,
      body: failed?.body,
    });
    expect(flaky.received.map((r) => r.delivery)).toEqual([failed?.guid, failed?.guid]);
    expect(flaky.received[1]?.body).toBe(flaky.received[0]?.body);
    const listed = await w.asApp.rest.apps.listWebhookDeliveries();
    expect(listed.data.find((d) => d.id === failed?.id)).toMatchObject({
      guid: failed?.guid,
      status_code: 500,
      event: 'push',
    });
    expect((await w.asApp.rest.apps.redeliverWebhookDelivery({ delivery_id: failed?.id ?? 0 })).status).toBe(
      202,
    );
    await gh?.waitForIdle();
    expect(flaky.received).toHaveLength(3);
  });

  it('asks protecting Apps to review deployments and records their status reports and decisions', async () => {
    const w = await appWorld();
    gh?.createEnvironment({ repo: 'acme/access', name: 'production', protectedBy: ['grantops'] });
    const env = await w.asInstallation.rest.repos.getEnvironment({
      ...w.repo,
      environment_name: 'production',
    });
    expect(env.data.protection_rules?.[0]).toMatchObject({ type: 'custom' });
    const run = gh?.simulateWorkflowRun({ repo: 'acme/access', environment: 'production', actor: 'bob' });
    await gh?.waitForIdle();
    const event = w.receiver.received.find((r) => r.event === 'deployment_protection_rule');
    expect(event?.payload).toMatchObject({
      action: 'requested',
      environment: 'production',
      event: 'push',
      deployment_callback_url: run?.callbackUrl,
      deployment: { id: run?.deploymentId, environment: 'production', creator: { login: 'bob' } },
      installation: { id: w.installation.id },
      sender: { login: 'bob' },
    });
    const callback = (body: Record<string, unknown>) =>
      w.asInstallation.request(`POST ${new URL(run?.callbackUrl ?? '').pathname}`, body);
    expect(
      (await callback({ environment_name: 'production', comment: 'Waiting for the freeze to end' })).status,
    ).toBe(204);
    expect(gh?.workflowRun({ repo: 'acme/access', runId: run?.runId ?? 0 })?.status).toBe('waiting');
    expect(
      (
        await callback({
          environment_name: 'production',
          state: 'approved',
          comment: 'bob holds deploy-production',
        })
      ).status,
    ).toBe(204);
    const decided = gh?.workflowRun({ repo: 'acme/access', runId: run?.runId ?? 0 });
    expect(decided?.status).toBe('in_progress');
    expect(decided?.gates[0]?.reviews.map((r) => [r.state, r.comment, r.actor])).toEqual([
      [null, 'Waiting for the freeze to end', 'grantops[bot]'],
      ['approved', 'bob holds deploy-production', 'grantops[bot]'],
    ]);
    expect((await outcome(callback({ environment_name: 'production', state: 'rejected' }))).status).toBe(422);
    const byUser = await outcome(
      w.as('alice').request(`POST ${new URL(run?.callbackUrl ?? '').pathname}`, {
        environment_name: 'production',
        state: 'approved',
      }),
    );
    expect(byUser.status).toBe(403);
    const rejectedRun = gh?.simulateWorkflowRun({
      repo: 'acme/access',
      environment: 'production',
      actor: 'dave',
    });
    await w.asInstallation.rest.actions.reviewCustomGatesForRun({
      ...w.repo,
      run_id: rejectedRun?.runId ?? 0,
      environment_name: 'production',
      state: 'rejected',
      comment: 'no grant',
    });
    expect(gh?.workflowRun({ repo: 'acme/access', runId: rejectedRun?.runId ?? 0 })).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
    });
    const fetched = await w.asInstallation.rest.actions.getWorkflowRun({
      ...w.repo,
      run_id: rejectedRun?.runId ?? 0,
    });
    expect(fetched.data).toMatchObject({ actor: { login: 'dave' }, conclusion: 'failure' });
  });

  it('sends check_run.rerequested to the App that owns the check run', async () => {
    const w = await appWorld();
    const sha = gh?.resolve({ repo: 'acme/access', ref: 'main' }) as string;
    const run = await w.asInstallation.rest.checks.create({
      ...w.repo,
      name: 'grantops',
      head_sha: sha,
      conclusion: 'neutral',
    });
    const ci = gh?.createCheckRun({ repo: 'acme/access', ref: 'main', name: 'ci' });
    gh?.rerequestCheckRun({ repo: 'acme/access', checkRunId: ci?.id ?? 0, actor: 'alice' });
    gh?.rerequestCheckRun({ repo: 'acme/access', checkRunId: run.data.id, actor: 'alice' });
    await gh?.waitForIdle();
    const reruns = w.receiver.received.filter((r) => r.event === 'check_run' && r.action === 'rerequested');
    expect(reruns.map((r) => r.payload)).toMatchObject([
      {
        action: 'rerequested',
        check_run: { id: run.data.id, name: 'grantops', head_sha: sha, check_suite: { head_branch: 'main' } },
        sender: { login: 'alice' },
      },
    ]);
  });
});
