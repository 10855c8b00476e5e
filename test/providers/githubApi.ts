import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';

export const API = 'https://api.github.com';

/**
 * An Octokit as the App would hand it over, with retries off: providers never retry themselves, so
 * every failure a test provokes reaches the provider once.
 */
export function testOctokit(): Octokit {
  const quiet = () => undefined;
  return new Octokit({
    baseUrl: API,
    request: { retries: 0 },
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}

/** No real network; every interceptor a test declares must have been used by its end. */
export function useNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(pending).toEqual([]);
  });
}

/** A GitHub error body as the REST API sends it. */
export function githubError(message: string, errors?: { message: string }[]): Record<string, unknown> {
  return { message, documentation_url: 'https://docs.github.com/rest', ...(errors ? { errors } : {}) };
}
