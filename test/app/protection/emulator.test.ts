import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { grantopsOctokit } from '../../../src/app/grantopsOctokit.js';
import { defaultProtectionDeps, type ProtectionDeps } from '../../../src/app/protection/protectionDeps.js';
import { registerProtectionRule } from '../../../src/app/protection/registerProtectionRule.js';
import type { Emulator } from '../../../src/emulator/index.js';
import { readRepoSnapshot, type ArchiveReader } from '../../../src/github/readRepoSnapshot.js';
import { appPrivateKey, seedWorld } from '../../emulator/world.js';
import { revertBranch } from '../../../src/core/lifecycle/index.js';
import { grant, grantsFiles } from './grantsFiles.js';
import { at, SEAL } from './protectionHarness.js';
import { recordBody } from './protectionNock.js';

const NOW = '2026-11-25T13:00:00Z';
let gh: Emulator | undefined;
let server: Server | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await gh?.close();
  gh = undefined;
  server = undefined;
});

/** The emulator with acme/web deploying to a production environment guarded by grantops, and the App serving it. */
async function world() {
  const w = await seedWorld({ now: () => new Date(NOW) });
  gh = w.gh;
  gh.createRepo({ owner: 'acme', name: 'access-grants', files: grantsFiles() });
  gh.createRepo({ owner: 'acme', name: 'web', files: { 'README.md': 'web\n' } });
  const credentials = gh.createApp({ slug: 'grantops', privateKey: appPrivateKey() });
  const probot = new Probot({
    appId: credentials.id,
    privateKey: credentials.privateKey,
    secret: credentials.webhookSecret,
    baseUrl: gh.url,
    logLevel: 'fatal',
    Octokit: grantopsOctokit({ throttle: false, retries: 0, retryBaseMs: 1, rateLimitRetries: 0 }),
  });
  const defaults = defaultProtectionDeps({ now: () => at(NOW), seal: SEAL });
  // The emulator serves only the tarball route with a ref (the one in Octokit's route list), while
  // the App asks GitHub for the default branch without one; here the default branch is named.
  const deps: ProtectionDeps = {
    ...defaults,
    portFor: (context) => ({
      ...defaults.portFor(context),
      readDefaultBranch: (repo) =>
        readRepoSnapshot(context.octokit as unknown as ArchiveReader, repo, 'main'),
    }),
  };
  const middleware = await createNodeMiddleware((app) => registerProtectionRule(app, deps), {
    probot,
    webhooksPath: '/api/github/webhooks',
  });
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  gh.setWebhookUrl('grantops', `http://127.0.0.1:${port}/api/github/webhooks`);
  gh.installApp({ app: 'grantops', account: 'acme' });
  gh.createEnvironment({ repo: 'acme/web', name: 'production', protectedBy: ['grantops'] });
  // alice's grant as grantops leaves it once applied: its reverting PR carries the sealed record.
  const file = 'grants/deploy-production/alice.yml';
  gh.commit({
    repo: 'acme/access-grants',
    branch: revertBranch(file),
    author: 'grantops[bot]',
    message: `Revoke ${file}`,
    files: { [file]: null },
    silent: true,
  });
  const { data: opened } = await w.as('alice').pulls.create({
    owner: 'acme',
    repo: 'access-grants',
    head: revertBranch(file),
    base: 'main',
    title: `Revoke ${file}`,
  });
  await w.as('alice').pulls.update({
    owner: 'acme',
    repo: 'access-grants',
    pull_number: opened.number,
    body: recordBody(file, {}, undefined, undefined, opened.number),
  });
  await gh.waitForIdle();
  return gh;
}

describe('the protection rule against the emulator', () => {
  it('approves a deploy by a grant holder and rejects one by someone without a grant', async () => {
    const emulator = await world();
    const allowed = emulator.simulateWorkflowRun({
      repo: 'acme/web',
      environment: 'production',
      actor: 'alice',
    });
    const refused = emulator.simulateWorkflowRun({
      repo: 'acme/web',
      environment: 'production',
      actor: 'dave',
    });
    await emulator.waitForIdle();
    const runOf = (runId: number) => emulator.workflowRun({ repo: 'acme/web', runId });
    expect(runOf(allowed.runId)).toMatchObject({ status: 'in_progress' });
    expect(runOf(allowed.runId)?.gates[0]?.reviews).toMatchObject([
      { state: 'approved', actor: 'grantops[bot]', comment: expect.stringContaining('(`allowed`)') },
    ]);
    expect(runOf(refused.runId)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(runOf(refused.runId)?.gates[0]?.reviews[0]?.comment).toContain(
      '@dave → `production` (`no_active_grant`)',
    );
    const calls = emulator.requests
      .filter((r) => r.actor === 'grantops[bot]')
      .map((r) => `${r.method} ${r.route}`);
    // Per decision: the grants archive, the record of a grant in force (alice's only: dave has
    // none), the deploy history for max_deploys, the answer.
    expect(calls.filter((c) => c.includes('/tarball'))).toHaveLength(2);
    expect(calls.filter((c) => c.endsWith('/pulls'))).toHaveLength(1);
    expect(calls.filter((c) => c.endsWith('/deployments'))).toHaveLength(2);
    expect(calls.filter((c) => c.endsWith('/deployment_protection_rule'))).toHaveLength(2);
  });

  it('rejects a deploy on a grant pushed straight to the default branch: never applied, never counted', async () => {
    const emulator = await world();
    // dave has no grant; someone with push access (or an admin bypassing review) pushes one for him.
    emulator.commit({
      repo: 'acme/access-grants',
      branch: 'main',
      author: 'dave',
      message: 'self-grant',
      files: {
        'grants/deploy-production/dave.yml': grant(
          'dave',
          'deploy-production',
          '2026-11-25T12:30:00Z',
          '2026-11-25T20:00:00Z',
        ),
      },
    });
    await emulator.waitForIdle();
    const run = emulator.simulateWorkflowRun({ repo: 'acme/web', environment: 'production', actor: 'dave' });
    await emulator.waitForIdle();
    const review = emulator.workflowRun({ repo: 'acme/web', runId: run.runId })?.gates[0]?.reviews[0];
    expect(review?.state).toBe('rejected');
    expect(review?.comment).toContain('@dave → `production` (`grant_not_applied`)');
    expect(review?.comment).toContain('reached the default branch without grantops applying it');
  });
});
