import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { Probot } from 'probot';
import { grantopsOctokit } from '../../../src/app/grantopsOctokit.js';
import { defaultProtectionDeps, type ProtectionDeps } from '../../../src/app/protection/protectionDeps.js';
import { registerProtectionRule } from '../../../src/app/protection/registerProtectionRule.js';
import { createRecordSeal } from '../../../src/app/lifecycle/recordSeal.js';
import { parseRfc3339 } from '../../../src/core/time/index.js';

export const APP_ID = 321;
/** The App's record seal in these tests (the key behind AppDeps.seal). */
export const SEAL = createRecordSeal('protection-test-record-key');
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Epoch ms of an RFC 3339 time (throws on a typo, so tests cannot pass on NaN). */
export function at(time: string): number {
  const ms = parseRfc3339(time);
  if (ms === undefined) throw new Error(`bad test time ${time}`);
  return ms;
}

/**
 * A Probot running only the protection rule against nock: retries and throttling off (every
 * request reaches nock once), a fixed clock and captured structured logs.
 */
export function protectionHarness(options: { now: string; deps?: Partial<ProtectionDeps> }) {
  const lines: Json[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const probot = new Probot({
    appId: APP_ID,
    privateKey,
    log,
    Octokit: grantopsOctokit({ throttle: false, retries: 0, retryBaseMs: 1, rateLimitRetries: 0 }),
  });
  const now = at(options.now);
  probot.load((app) =>
    registerProtectionRule(app, {
      ...defaultProtectionDeps({ now: () => now, seal: SEAL }),
      ...options.deps,
    }),
  );
  return { probot, logs: lines };
}

/** The `deployment_protection_rule.requested` fixture, with per-test changes. */
export function requestedPayload(
  overrides: { environment?: string; creator?: string; sender?: string; senderType?: string } = {},
): Json {
  const file = join(
    import.meta.dirname,
    '..',
    '..',
    'fixtures',
    'webhooks',
    'deployment_protection_rule.requested.json',
  );
  const payload = JSON.parse(readFileSync(file, 'utf8')) as Json;
  if (overrides.environment) {
    payload.environment = overrides.environment;
    payload.deployment.environment = overrides.environment;
    payload.deployment.original_environment = overrides.environment;
  }
  if (overrides.creator)
    payload.deployment.creator = { ...payload.deployment.creator, login: overrides.creator };
  const sender = overrides.sender ?? overrides.creator;
  if (sender) payload.sender = { ...payload.sender, login: sender, type: overrides.senderType ?? 'User' };
  return payload;
}

/** Delivers the event the way GitHub does (through Probot's router). */
export function deliver(probot: Probot, payload: Json, id = 'delivery-1'): Promise<void> {
  return probot.receive({ id, name: 'deployment_protection_rule', payload } as never);
}
