import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/core/lifecycle/index.js';
import { API, OWNER, REPO } from '../helpers/githubNock.js';
import { runCliCapture } from '../helpers/runCliCapture.js';
import { testScope } from '../helpers/testSeal.js';
import { grantRecord } from './records.js';

const R = `/repos/${OWNER}/${REPO}`;
const SINCE = '2026-11-01T00:00:00Z';
const ARGS = ['audit', '--repo', `${OWNER}/${REPO}`, '--since', SINCE, '--until', '2026-11-30T00:00:00Z'];
const ENV = { GITHUB_TOKEN: 'ghp_test' };

/** Named mocks of the routes an export reads. */
const audit = {
  openReverts: (status: number, body: unknown = []) =>
    nock(API)
      .get(`${R}/issues`)
      .query({ state: 'open', labels: 'grantops:revoke', per_page: 100 })
      .reply(status, body as nock.Body),
  closed: (body: unknown[] = []) =>
    nock(API).get(`${R}/issues`).query({ state: 'closed', since: SINCE, per_page: 100 }).reply(200, body),
  blob: (status: number, content = '') =>
    nock(API)
      .get(`${R}/git/blobs/${'b'.repeat(40)}`)
      .reply(
        status,
        status === 200
          ? { content: Buffer.from(content).toString('base64'), encoding: 'base64' }
          : { message: 'Not Found' },
      ),
};

const listed = (number: number, body: string, extra: object = {}) => ({
  number,
  html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
  state: 'open',
  user: { login: 'grantops[bot]' },
  body,
  labels: [{ name: 'grantops:revoke' }],
  created_at: '2026-11-28T09:59:58Z',
  closed_at: null,
  comments: 0,
  pull_request: { html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`, merged_at: null },
  ...extra,
});

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('grantops audit: GitHub failures name the fix (exit 2)', () => {
  it.each<[string, number, object, string]>([
    [
      'a bad token',
      401,
      { message: 'Bad credentials' },
      'GitHub rejected the token (401); set GITHUB_TOKEN (or GRANTOPS_TOKEN) to a valid token for https://api.github.com',
    ],
    [
      'a repository that is not there or not visible',
      404,
      { message: 'Not Found' },
      `${OWNER}/${REPO} was not found at https://api.github.com, or the token cannot see it; check --repo OWNER/NAME, GITHUB_API_URL`,
    ],
    [
      'a token without access',
      403,
      { message: 'Resource not accessible by personal access token' },
      `the token may not read ${OWNER}/${REPO}; give it read access`,
    ],
    [
      'the rate limit',
      403,
      { message: 'API rate limit exceeded for user' },
      "GitHub's rate limit is used up",
    ],
    [
      'GitHub down',
      503,
      { message: 'Service Unavailable' },
      'GitHub answered 503; run the export again later',
    ],
  ])('%s', async (_name, status, body, message) => {
    audit.openReverts(status, body);
    const { code, stdout, stderr } = await runCliCapture(ARGS, { env: ENV });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `grantops audit: listing open reverting pull requests of ${OWNER}/${REPO} failed: `,
    );
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('    at ');
  });

  it('an unreachable API names GITHUB_API_URL', async () => {
    nock('https://ghe.example').get(`/api/v3${R}/issues`).query(true).replyWithError('connect ECONNREFUSED');
    const env = { GRANTOPS_TOKEN: 't', GITHUB_API_URL: 'https://ghe.example/api/v3/' };
    const { code, stderr } = await runCliCapture(ARGS, { env });
    expect(code).toBe(2);
    expect(stderr).toContain('cannot reach GitHub at https://ghe.example/api/v3/; check GITHUB_API_URL');
  });

  it('a failed read after the listing fails the export rather than leave a gap', async () => {
    audit.openReverts(200, [listed(12, encodeRecord(grantRecord(), testScope()))]);
    audit.closed();
    audit.blob(500);
    const { code, stderr } = await runCliCapture(ARGS, { env: ENV });
    expect(code).toBe(2);
    expect(stderr).toContain('reading grants/prod-db/alice.yml (blob bbbbbbb) failed: GitHub answered 500');
  });
});

describe('grantops audit: output', () => {
  it('an unwritable --output is an I/O error (exit 2)', async () => {
    audit.openReverts(200, []);
    audit.closed();
    const { code, stderr } = await runCliCapture([...ARGS, '--output', 'no/such/dir/audit.csv'], {
      env: ENV,
      cwd: '/nonexistent',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('grantops audit: cannot write no/such/dir/audit.csv: ENOENT');
  });
});

describe('grantops audit: what is gone is left empty (exit 0)', () => {
  it('a grant file blob that is gone leaves reason and ticket empty', async () => {
    audit.openReverts(200, [listed(12, encodeRecord(grantRecord(), testScope()))]);
    audit.closed();
    audit.blob(404);
    const { code, stdout, stderr } = await runCliCapture(ARGS, { env: ENV });
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[1]).toMatch(/^grants\/prod-db\/alice\.yml,alice,prod-db,maintainer,,,alice,/);
    expect(stderr).toContain('1 grant of acme/access-grants');
    expect(stderr).toContain('; 3 GitHub API calls');
  });

  it('an apply report written by a person is not trusted', async () => {
    const fake = '- `grants/prod-db/eve.yml`: ⛔ not applied: nothing\n\n<!-- grantops:apply-report -->';
    audit.openReverts(200, []);
    audit.closed([
      listed(9, '', {
        state: 'closed',
        labels: [],
        comments: 1,
        pull_request: { merged_at: '2026-11-20T00:00:00Z' },
      }),
      listed(8, '', {
        state: 'closed',
        labels: [],
        comments: 0,
        pull_request: { merged_at: '2026-11-20T00:00:00Z' },
      }),
      listed(7, '', { state: 'closed', labels: [], comments: 2, pull_request: { merged_at: null } }),
      listed(6, '', { pull_request: undefined }),
    ]);
    nock(API)
      .get(`${R}/issues/9/comments`)
      .query({ per_page: 100 })
      .reply(200, [{ id: 1, user: { login: 'eve', type: 'User' }, body: fake }]);
    const { code, stdout } = await runCliCapture(ARGS, { env: ENV });
    expect(code).toBe(0);
    expect(stdout.split('\r\n')).toHaveLength(2);
  });
});
