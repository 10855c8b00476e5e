import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { Probot } from 'probot';
import { grantopsOctokit } from '../../src/app/grantopsOctokit.js';
import { createApp, defaultDeps, type AppDeps } from '../../src/app/createApp.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { TEST_RECORD_KEY } from './testSeal.js';

export const APP_ID = 123;
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** Log lines the App wrote, as parsed JSON, for assertions on structured logs. */
export interface CapturedLogs {
  lines: Record<string, unknown>[];
}

/**
 * A Probot instance running grantops against nock: retries and throttling off (so every request
 * is visible to nock exactly once), a fixed clock, and captured structured logs.
 */
export function probotHarness(options: { now?: string; deps?: Partial<AppDeps> } = {}) {
  const logs: CapturedLogs = { lines: [] };
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.lines.push(JSON.parse(line)) });
  const probot = new Probot({
    appId: APP_ID,
    privateKey,
    log,
    Octokit: grantopsOctokit({ throttle: false, retries: 0, retryBaseMs: 1, rateLimitRetries: 0 }),
  });
  const now = parseRfc3339(options.now ?? '2026-11-28T10:00:00Z')!;
  probot.load(
    createApp({
      ...defaultDeps({ appId: APP_ID, now: () => now, recordKey: TEST_RECORD_KEY }),
      ...options.deps,
    }),
  );
  return { probot, logs };
}
