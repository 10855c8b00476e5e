import { describe, expect, it } from 'vitest';
import { failedResult } from '../../src/providers/failedResult.js';
import { ProviderError } from '../../src/providers/providerError.js';
import { providerErrorFromHttp } from '../../src/providers/providerErrorFromHttp.js';
import { createProviders } from '../../src/providers/createProviders.js';
import { testOctokit } from './githubApi.js';

const context = { doing: 'doing it', notFound: 'not found: fix X', forbidden: 'needs Y' };

describe('providerErrorFromHttp with plain errors', () => {
  it('keeps a ProviderError as it is', () => {
    const error = new ProviderError({ code: 'timeout', message: 'slow', retryable: true });
    expect(providerErrorFromHttp(error, context)).toBe(error);
  });

  it.each<[string, unknown, object]>([
    ['a thrown string', 'boom', { code: 'network', retryable: true, status: undefined }],
    [
      'an Error without status',
      new Error('ECONNRESET'),
      { code: 'network', message: expect.stringContaining('ECONNRESET') },
    ],
    ['a bare status', { status: 404 }, { code: 'not-found', message: 'not found: fix X' }],
    [
      'a 403 without data',
      { status: 403, message: 'Forbidden' },
      { code: 'forbidden', message: 'needs Y (GitHub said: Forbidden)' },
    ],
    [
      'a 403 with null data',
      { status: 403, message: 'x', response: { data: null, headers: {} } },
      { code: 'forbidden' },
    ],
    [
      'errors without messages',
      { status: 422, response: { data: { errors: [null, { code: 'custom' }] } } },
      { code: 'rejected' },
    ],
    [
      'a 403 with a zero retry-after',
      { status: 403, response: { headers: { 'retry-after': '0' }, data: {} } },
      { code: 'rate-limited', retryAfterSeconds: undefined },
    ],
    [
      'an invitation limit without context',
      { status: 422, response: { data: { message: 'invitation limit exceeded' } } },
      { code: 'rejected' },
    ],
  ])('maps %s', (_name, error, expected) => {
    expect(providerErrorFromHttp(error, context)).toMatchObject(expected);
  });
});

describe('failedResult', () => {
  it('turns an unknown throw into a retryable failure', () => {
    expect(failedResult(new TypeError('x is undefined'))).toMatchObject({
      status: 'failed',
      code: 'network',
      retryable: true,
      reason: 'unexpected failure: x is undefined',
    });
    expect(failedResult(42).reason).toBe('unexpected failure: 42');
  });
});

describe('createProviders', () => {
  it('builds one provider per provider name', () => {
    const providers = createProviders({ octokit: testOctokit(), org: 'acme', activeGrants: [], env: {} });
    expect(Object.fromEntries(Object.entries(providers).map(([key, p]) => [key, p.name]))).toEqual({
      'github-team': 'github-team',
      'github-repo': 'github-repo',
      environment: 'environment',
      webhook: 'webhook',
    });
  });
});
