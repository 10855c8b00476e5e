import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/demo/manualClock.js';
import { tokenOf } from '../../src/demo/people.js';
import { startWorld, type World } from '../../src/demo/startWorld.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { runBundle } from '../action/runBundle.js';
import { approveAs, expectCleanRun, grantText, HOUR, pull, request, sweep } from './helpers.js';

let world: World;
afterEach(async () => {
  expectCleanRun(world);
  await world.close();
});

const gate = (w: World, runId: number) => w.gh.workflowRun({ repo: 'acme/webshop', runId });

describe('deploys gated by grants', () => {
  it('the protection rule rejects a deploy without a grant, approves it while the grant is active, rejects it after expiry', async () => {
    // Monday 10:00 in Berlin: outside the weekend and year-end freezes of the example policy.
    const T0 = parseRfc3339('2026-11-30T09:00:00Z')!;
    world = await startWorld({ clock: manualClock(T0) });
    const before = world.gh.simulateWorkflowRun({
      repo: 'acme/webshop',
      environment: 'production',
      actor: 'frank',
    });
    await world.gh.waitForIdle();
    expect(gate(world, before.runId)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gate(world, before.runId)?.gates[0]?.reviews[0]?.comment).toContain('no_active_grant');

    const pr = await request(
      world,
      'frank',
      'grants/deploy-production/frank.yml',
      grantText('frank', 'deploy-production', T0 + 2 * HOUR),
    );
    await approveAs(world, pr, 'rita');
    expect(pull(world, pr).merged).toBe(true);
    const during = world.gh.simulateWorkflowRun({
      repo: 'acme/webshop',
      environment: 'production',
      actor: 'frank',
    });
    await world.gh.waitForIdle();
    expect(gate(world, during.runId)).toMatchObject({ status: 'in_progress' });

    world.clock.advance(2 * HOUR); // expired to the second, before any sweep ran
    const after = world.gh.simulateWorkflowRun({
      repo: 'acme/webshop',
      environment: 'production',
      actor: 'frank',
    });
    await world.gh.waitForIdle();
    expect(gate(world, after.runId)?.gates[0]?.reviews[0]?.comment).toContain('grant_expired');
    await sweep(world);
  });

  it('the protection rule holds a deploy during a freeze and approves it when the window ends', async () => {
    // Friday 17:00 in Berlin: inside the weekend freeze, which ends Monday 08:00 Berlin (07:00 UTC).
    const T0 = parseRfc3339('2026-11-27T16:00:00Z')!;
    world = await startWorld({ clock: manualClock(T0) });
    const pr = await request(
      world,
      'frank',
      'grants/deploy-production/frank.yml',
      grantText(
        'frank',
        'deploy-production',
        parseRfc3339('2026-11-30T10:00:00Z')!,
        'starts: 2026-11-30T06:30:00Z\n',
      ),
    );
    await approveAs(world, pr, 'rita');
    world.clock.set(parseRfc3339('2026-11-30T06:45:00Z')!);
    const held = world.gh.simulateWorkflowRun({
      repo: 'acme/webshop',
      environment: 'production',
      actor: 'frank',
    });
    await world.gh.waitForIdle();
    expect(gate(world, held.runId)).toMatchObject({ status: 'waiting' });
    expect(gate(world, held.runId)?.gates[0]?.reviews.at(-1)).toMatchObject({ state: null });
    const report = await sweep(world);
    expect(report.nextDueAt).toBe(parseRfc3339('2026-11-30T07:00:00Z'));
    world.clock.set(parseRfc3339('2026-11-30T07:00:01Z')!);
    await sweep(world);
    expect(gate(world, held.runId)).toMatchObject({ status: 'in_progress' });
  });

  it('the Action, reading the grants through the API, allows the grant holder and blocks a destructive command', async () => {
    world = await startWorld({ clock: manualClock() }); // the bundle reads the real clock
    const pr = await request(
      world,
      'frank',
      'grants/deploy-staging/frank.yml',
      grantText('frank', 'deploy-staging', Date.now() + 2 * HOUR),
    );
    expect(pull(world, pr).merged).toBe(true); // auto-approved
    const workspace = mkdtempSync(join(tmpdir(), 'grantops-e2e-'));
    const run = (actor: string, commands: string) =>
      runBundle({
        workspace,
        inputs: {
          environment: 'staging',
          'grants-repo': 'acme/access-grants',
          token: tokenOf(actor),
          'github-token': tokenOf(actor),
          commands,
        },
        env: {
          GITHUB_WORKSPACE: workspace,
          GITHUB_ACTOR: actor,
          GITHUB_REPOSITORY: 'acme/webshop',
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_RUN_ID: '7',
          GITHUB_API_URL: world.gh.url,
        },
      });
    const allowed = await run('frank', 'terraform apply -auto-approve');
    expect(allowed.outputs).toMatchObject({ decision: 'allowed', reason_code: 'allowed' });
    expect(allowed.code).toBe(0);
    const destroy = await run('frank', 'terraform   destroy -target=module.db');
    expect(destroy.outputs).toMatchObject({ decision: 'blocked', reason_code: 'command_denied' });
    expect(destroy.code).toBe(1);
    const stranger = await run('mallory', 'make deploy');
    expect(stranger.outputs).toMatchObject({ decision: 'blocked', reason_code: 'no_active_grant' });
    const calls = world.gh.requests.filter((r) => r.actor === 'frank' && r.route?.includes('tarball'));
    expect(calls.length).toBe(2); // one read of the grants per check
  });
});
