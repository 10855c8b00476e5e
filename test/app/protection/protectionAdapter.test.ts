import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubError } from '../../../src/github/githubError.js';
import { createOctokitProtectionPort } from '../../../src/github/protection/createOctokitProtectionPort.js';
import { parseCallbackUrl } from '../../../src/github/protection/parseCallbackUrl.js';
import { API, quietOctokit, RUN_ID } from './protectionNock.js';

const CALLBACK = `/repos/acme/web/actions/runs/${RUN_ID}/deployment_protection_rule`;
const run = { repo: { owner: 'acme', repo: 'web' }, runId: RUN_ID };
const port = () => createOctokitProtectionPort(quietOctokit());

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the protection-rule adapter', () => {
  it('retries an answer GitHub may not have processed; a 422 then means the first one landed', async () => {
    const scope = nock(API)
      .post(CALLBACK, { environment_name: 'production', state: 'approved', comment: 'ok' })
      .reply(502, { message: 'Bad Gateway' })
      .post(CALLBACK)
      .reply(422, { message: 'No pending custom deployment protection rules found for this environment.' });
    const outcome = await port().answerProtectionRule({
      run,
      environment: 'production',
      state: 'approved',
      comment: 'ok',
    });
    expect(outcome).toBe('already-answered');
    expect(scope.isDone()).toBe(true);
  });

  it('names the call and the fix when an answer is refused', async () => {
    nock(API).post(CALLBACK).reply(403, { message: 'Resource not accessible by integration' });
    const error = await port()
      .answerProtectionRule({ run, environment: 'production', state: 'rejected', comment: 'no' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).kind).toBe('forbidden');
    expect((error as GitHubError).message).toContain(
      'rejecting the deployment of run 4242 of acme/web to production failed: forbidden: the App lacks a permission',
    );
  });

  it('never repeats a status report (a lost answer would post it twice)', async () => {
    const scope = nock(API)
      .post(CALLBACK, { environment_name: 'production', comment: 'held' })
      .reply(502, {});
    const error = await port()
      .postStatusReport({ run, environment: 'production', comment: 'held' })
      .catch((e: unknown) => e);
    expect((error as GitHubError).kind).toBe('unavailable');
    expect(scope.isDone()).toBe(true);
  });

  it('reads the Apps of enabled custom rules only', async () => {
    nock(API)
      .get('/repos/acme/web/environments/prod%20eu/deployment_protection_rules')
      .reply(200, {
        total_count: 2,
        custom_deployment_protection_rules: [
          { id: 1, enabled: true, app: { id: 321 } },
          { id: 2, enabled: false, app: { id: 654 } },
        ],
      });
    expect(await port().listProtectionRuleApps(run.repo, 'prod eu')).toEqual([321]);
  });

  it('refuses a waiting-runs answer without runs rather than guessing', async () => {
    nock(API).get('/repos/acme/web/actions/runs').query(true).reply(200, { total_count: 0 });
    await expect(port().listWaitingRuns(run.repo, 10)).rejects.toThrow(/did not return workflow_runs/);
  });

  it('keeps status reports and decisions from the review history', async () => {
    nock(API)
      .get(`/repos/acme/web/actions/runs/${RUN_ID}/approvals`)
      .reply(200, [
        {
          state: 'pending',
          comment: 'held',
          environments: [{ name: 'production' }],
          user: { login: 'x[bot]' },
        },
        { state: 'odd', comment: 'ignored', environments: [] },
      ]);
    expect(await port().listRunReviews(run)).toEqual([
      { state: 'pending', comment: 'held', environments: ['production'] },
    ]);
  });
});

describe('parseCallbackUrl', () => {
  it.each([
    [
      'https://api.github.com/repos/acme/web/actions/runs/42/deployment_protection_rule',
      { owner: 'acme', repo: 'web', runId: 42 },
    ],
    [
      'https://ghes.example/api/v3/repos/acme/web.site/actions/runs/7/deployment_protection_rule',
      { owner: 'acme', repo: 'web.site', runId: 7 },
    ],
    ['https://api.github.com/repos/acme/web/actions/runs/42', undefined],
    ['not a url', undefined],
  ])('%s', (url, expected) => {
    const parsed = parseCallbackUrl(url);
    expect(parsed && { ...parsed.repo, runId: parsed.runId }).toEqual(expected);
  });
});
