import { describe, expect, it } from 'vitest';
import { describeApiFailure } from '../../action/src/describeApiFailure.js';
import { GitHubError, toGitHubError } from '../../src/github/githubError.js';

const params = { what: 'reading grants-repo acme/g at main', permission: 'contents: read', input: 'token' };
const http = (status: number, message: string) =>
  toGitHubError(Object.assign(new Error(message), { status }), 'x');

describe('describeApiFailure', () => {
  it.each([
    [
      http(404, 'Not Found'),
      '(HTTP 404: Not Found): check the names, and that token can read it (contents: read)',
    ],
    [
      http(401, 'Bad credentials'),
      '(HTTP 401: Bad credentials): GitHub rejected token; check the secret passed as token',
    ],
    [
      http(403, 'Resource not accessible'),
      '(HTTP 403: Resource not accessible): token lacks contents: read, or a policy blocks it',
    ],
    [
      http(429, 'Too Many Requests'),
      '(HTTP 429: Too Many Requests): token is rate limited; retry the job later',
    ],
    [
      new GitHubError('bad answer', 'invalid', undefined, false),
      "(bad answer): GitHub's answer could not be used; retry, and check GITHUB_API_URL",
    ],
    [new TypeError('fetch failed'), '(fetch failed): GitHub did not answer in time or failed; retry the job'],
  ])('says what failed and the fix in the Action terms: %s', (error, expected) => {
    expect(describeApiFailure(error, params)).toBe(`reading grants-repo acme/g at main failed ${expected}`);
  });

  it('never repeats the App-only advice of the adapter (APP_ID, PRIVATE_KEY)', () => {
    expect(describeApiFailure(http(401, 'Bad credentials'), params)).not.toMatch(/APP_ID|PRIVATE_KEY/);
  });
});
