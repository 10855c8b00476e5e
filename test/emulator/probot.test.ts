import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { appPrivateKey, seedWorld } from './world.js';

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

describe('a real Probot App against the emulator', () => {
  it('verifies signed webhooks, authenticates as an installation and writes through its Octokit', async () => {
    const w = await seedWorld();
    gh = w.gh;
    const credentials = gh.createApp({ slug: 'grantops', privateKey: appPrivateKey() });
    const probot = new Probot({
      appId: credentials.id,
      privateKey: credentials.privateKey,
      secret: credentials.webhookSecret,
      baseUrl: gh.url,
      logLevel: 'fatal',
    });
    const middleware = await createNodeMiddleware(
      (app) => {
        app.on('pull_request.opened', async (context) => {
          await context.octokit.rest.issues.createComment(
            context.issue({ body: `thanks @${context.payload.sender.login}` }),
          );
          await context.octokit.rest.checks.create(
            context.repo({
              name: 'grantops',
              head_sha: context.payload.pull_request.head.sha,
              conclusion: 'success',
            }),
          );
        });
      },
      { probot, webhooksPath: '/api/github/webhooks' },
    );
    server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    gh.setWebhookUrl(
      'grantops',
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`,
    );
    gh.installApp({ app: 'grantops', account: 'acme' });
    gh.commit({
      repo: 'acme/access',
      branch: 'request/bob',
      files: { 'grants/prod-db/bob.yml': 'grantee: bob\n' },
      message: 'r',
      author: 'bob',
    });
    await w.as('bob').rest.pulls.create({ ...w.repo, title: 'prod-db', head: 'request/bob', base: 'main' });
    await gh.waitForIdle();
    expect(gh.deliveries().map((d) => [d.event, d.action, d.statusCode])).toEqual([
      ['installation', 'created', 200],
      ['push', null, 200],
      ['pull_request', 'opened', 200],
      ['issue_comment', 'created', 200],
      ['check_run', 'created', 200],
      ['check_run', 'completed', 200],
    ]);
    expect(gh.comments({ repo: 'acme/access', number: 1 })).toEqual([
      { id: expect.any(Number), user: 'grantops[bot]', body: 'thanks @bob' },
    ]);
    expect(gh.checkRuns({ repo: 'acme/access', ref: 'request/bob' })).toMatchObject([
      { name: 'grantops', conclusion: 'success' },
    ]);
    expect(gh.requests.map((r) => `${r.method} ${r.route} ${r.actor} ${r.status}`)).toEqual([
      'POST /repos/{owner}/{repo}/pulls bob 201',
      'POST /app/installations/{installation_id}/access_tokens grantops 201',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments grantops[bot] 201',
      'POST /repos/{owner}/{repo}/check-runs grantops[bot] 201',
    ]);
  });
});
