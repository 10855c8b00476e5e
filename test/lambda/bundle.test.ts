import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/demo/projectRoot.js';
import type * as LambdaEntry from '../../src/lambda/index.js';
import {
  captureLog,
  functionUrlEvent,
  openGrantRequest,
  startLambdaWorld,
  TEST_CLIENT,
} from './lambdaWorld.js';

/** The build docs/serverless.md gives: one ESM file, `require` provided for the CommonJS inside. */
const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: {
    js: "import { createRequire as __grantopsRequire } from 'node:module'; const require = __grantopsRequire(import.meta.url);",
  },
} as const;

let dir: string;
let entry: typeof LambdaEntry;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'grantops-lambda-'));
  await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    entryPoints: [join(projectRoot(), 'src/lambda/index.ts')],
    outfile: join(dir, 'index.mjs'),
    logLevel: 'error',
  });
  entry = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as typeof LambdaEntry;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the single-file Lambda bundle', () => {
  it('exports both handlers and runs the App from one file', async () => {
    expect(typeof entry.webhooks).toBe('function');
    expect(typeof entry.sweep).toBe('function');
    expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(4_000_000);
    const world = await startLambdaWorld();
    try {
      const webhooks = entry.createWebhookHandler({
        env: world.env,
        log: captureLog().log,
        client: TEST_CLIENT,
      });
      const { pr, delivery } = await openGrantRequest(world);
      expect((await webhooks(functionUrlEvent(delivery, world.app.webhookSecret))).statusCode).toBe(200);
      expect(world.gh.checkRuns({ repo: 'acme/access-grants', ref: pr.headSha })).toMatchObject([
        { name: 'grantops', conclusion: 'action_required' },
      ]);
      expect(world.gh.unknownRoutes).toEqual([]);
    } finally {
      await world.gh.close();
    }
  });
});
