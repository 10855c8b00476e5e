import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import type { Resource } from '../../src/core/types.js';
import type { AccessTarget } from '../../src/providers/provider.js';
import {
  createWebhookProvider,
  type WebhookProviderOptions,
} from '../../src/providers/webhook/createWebhookProvider.js';
import { startReceiver, type ForcedAnswer, type Receiver, type ReceivedRequest } from './webhookReceiver.js';

export const SECRET = 'receiver-secret';
export const NOW = Date.parse('2026-11-28T09:00:00Z');
export const grant = { action: 'set', from: 'none', to: 'granted', reason: 'grant' } as const;
export const removal = { action: 'remove', from: 'granted', reason: 'restore-previous' } as const;

/** A test's handle on the loopback receiver started before each test. */
export interface LoopbackFixture {
  receiver(): Receiver;
  /** Makes the receiver answer this instead of following the contract. */
  force(answer: ((request: ReceivedRequest) => ForcedAnswer | undefined) | undefined): void;
  target(overrides?: Partial<AccessTarget>): AccessTarget;
  provider(options?: Partial<WebhookProviderOptions>): ReturnType<typeof createWebhookProvider>;
}

/**
 * Starts a real HTTP receiver on 127.0.0.1 before each test and closes it after. Only loopback
 * connections are allowed while it runs.
 */
export function useLoopbackReceiver(): LoopbackFixture {
  let receiver: Receiver | undefined;
  let forced: ((request: ReceivedRequest) => ForcedAnswer | undefined) | undefined;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    forced = undefined;
    receiver = await startReceiver({ secret: SECRET, now: () => NOW, force: (request) => forced?.(request) });
  });
  afterEach(async () => {
    await receiver?.close();
    nock.enableNetConnect();
  });
  const current = (): Receiver => {
    if (!receiver) throw new Error('the receiver runs only inside a test');
    return receiver;
  };
  return {
    receiver: current,
    force: (answer) => void (forced = answer),
    target: (overrides = {}) => {
      const resource: Resource = {
        provider: 'webhook',
        url: current().url,
        secret_env: 'CLOUD_IAM_SECRET',
        roles: ['read', 'write'],
      };
      return {
        resourceName: 'cloud-iam',
        resource,
        grantee: 'alice',
        role: 'write',
        grantId: 'grants/cloud-iam/alice.yml',
        expires: '2026-11-28T18:00:00Z',
        ...overrides,
      };
    },
    provider: (options = {}) =>
      createWebhookProvider({
        env: { CLOUD_IAM_SECRET: SECRET },
        clock: () => NOW,
        timeoutMs: 2_000,
        ...options,
      }),
  };
}
