import { describe, expect, it } from 'vitest';
import * as access from '../../src/core/access/index.js';
import * as providers from '../../src/providers/index.js';

describe('public surface', () => {
  it('exports the access planning functions', () => {
    for (const name of [
      'planApply',
      'planRevoke',
      'findDrift',
      'accessLevelFor',
      'standingLevelOf',
      'rankOf',
    ])
      expect(typeof (access as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the providers and the webhook helpers', () => {
    for (const name of [
      'createProviders',
      'createGithubTeamProvider',
      'createGithubRepoProvider',
      'createEnvironmentProvider',
      'createWebhookProvider',
      'verifyGrantopsSignature',
      'signGrantopsPayload',
      'idempotencyKey',
      'ProviderError',
    ])
      expect(typeof (providers as Record<string, unknown>)[name]).toBe('function');
    expect(providers.WEBHOOK_CONTRACT_VERSION).toBe(1);
  });
});
