import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTarball } from '../../src/emulator/tarball.js';
import { EXAMPLE_REPO } from '../helpers/tempRepo.js';
import { runAction } from './actionHarness.js';
import { grantText, runnerEnv, WEDNESDAY } from './workspace.js';

const API = 'https://api.github.com';
const CODELOAD = 'https://codeload.github.com';
const GRANTS_SHA = 'c'.repeat(40);
const RUN_SHA = 'a'.repeat(40);

/** The example grants repo as files, plus alice's grant to deploy to production on Wednesday. */
function grantsFiles(overrides: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(EXAMPLE_REPO, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(EXAMPLE_REPO);
  files['grants/deploy-production/alice.yml'] = grantText({
    grantee: 'alice',
    resource: 'deploy-production',
    expires: '2026-11-25T14:00:00Z',
  });
  return { ...files, ...overrides };
}

/** GitHub's tarball route: a redirect to codeload, which serves `git archive` output. */
function tarball(path: string, files: Record<string, string>) {
  const body = createTarball({
    folder: `acme-access-grants-${GRANTS_SHA.slice(0, 7)}`,
    commitSha: GRANTS_SHA,
    mtime: new Date(0),
    files: Object.entries(files).map(([p, text]) => ({
      path: p,
      content: Buffer.from(text),
      mode: '100644',
    })),
  });
  nock(API, { reqheaders: { authorization: 'token ghs_grants' } })
    .get(path)
    .reply(302, undefined, { location: `${CODELOAD}/acme/access-grants/legacy.tar.gz/main?token=t` });
  nock(CODELOAD).get('/acme/access-grants/legacy.tar.gz/main').query({ token: 't' }).reply(200, body, {
    'content-type': 'application/x-gzip',
  });
}

const deployment = (id: number, createdAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  sha: 'b'.repeat(40),
  ref: 'main',
  task: 'deploy',
  environment: 'production',
  creator: { login: 'carol' },
  created_at: createdAt,
  ...extra,
});

function deployments(list: unknown[], status = 200) {
  return nock(API, { reqheaders: { authorization: 'token ghs_workflow' } })
    .get('/repos/acme/web/deployments')
    .query({ environment: 'production', per_page: 100, page: 1 })
    .reply(status, status === 200 ? list : { message: 'Resource not accessible by integration' });
}

async function apiRun(inputs: Record<string, string> = {}) {
  return runAction({
    inputs: {
      environment: 'production',
      'grants-repo': 'acme/access-grants',
      token: 'ghs_grants',
      'github-token': 'ghs_workflow',
      ...inputs,
    },
    env: { ...runnerEnv('/nonexistent-workspace'), GITHUB_SHA: RUN_SHA },
    now: WEDNESDAY,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every mock is used').toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('the Action, reading the grants through the API', () => {
  it('decides with two API calls: the tarball of the default branch and one page of deployments', async () => {
    tarball('/repos/acme/access-grants/tarball/HEAD', grantsFiles());
    deployments([
      // This job's own deployment (created for `environment: production` before the step ran): not counted.
      deployment(9, '2026-11-25T11:59:00Z', { sha: RUN_SHA, creator: { login: 'alice' } }),
      ...[8, 7, 6, 5].map((id) => deployment(id, `2026-11-25T11:${10 + id}:00Z`)),
      deployment(4, '2026-11-25T10:00:00Z'),
    ]);
    const run = await apiRun();
    expect(run.failed).toEqual([]);
    expect(run.outputs).toMatchObject({ decision: 'allowed', reason_code: 'allowed' });
    expect(run.decision?.rules.find((r) => r.rule === 'max_deploys')?.message).toMatch(
      /^4 deploys to production in the last 1h/,
    );
    expect(run.summary).toContain(`grants from \`acme/access-grants@${GRANTS_SHA}\` · 2 API request(s)`);
    expect(run.summary).toContain('| acme/access-grants:grants/deploy-production/alice.yml:1:');
    expect(run.secrets).toContain('ghs_grants');
  });

  it('reads the ref given as grants-ref, and no deployments when the environment sets no max_deploys', async () => {
    const policy = grantsFiles()['access.yml']!.replace('    max_deploys: { count: 5, per: 1h }\n', '');
    tarball('/repos/acme/access-grants/tarball/release%2F1', grantsFiles({ 'access.yml': policy }));
    const run = await apiRun({ 'grants-ref': 'release/1' });
    expect(run.outputs.decision).toBe('allowed');
    expect(run.summary).toContain('1 API request(s)');
  });

  it('blocks with the fix when the grants repository cannot be read', async () => {
    nock(API).get('/repos/acme/access-grants/tarball/HEAD').reply(404, { message: 'Not Found' });
    const run = await apiRun();
    expect(run.outputs).toMatchObject({ decision: 'blocked', reason_code: 'policy_invalid' });
    expect(run.failed[0]).toContain(
      'reading grants-repo acme/access-grants at its default branch failed (HTTP 404: Not Found): check the names, and that token can read it (contents: read)',
    );
    expect(run.errors[0]?.properties).toEqual({ title: 'grantops policy: policy_invalid' });
  });

  it('fails max_deploys closed when the deployments cannot be read, saying which permission is missing', async () => {
    tarball('/repos/acme/access-grants/tarball/HEAD', grantsFiles());
    deployments([], 403);
    const run = await apiRun();
    expect(run.outputs.reason_code).toBe('deploy_history_unavailable');
    expect(run.summary).toContain('github-token lacks deployments: read');
  });

  it('counts the own deployment when it cannot be told apart (another sha)', async () => {
    tarball('/repos/acme/access-grants/tarball/HEAD', grantsFiles());
    deployments(
      [5, 4, 3, 2, 1].map((id) =>
        deployment(id, `2026-11-25T11:${10 + id}:00Z`, { creator: { login: 'alice' } }),
      ),
    );
    const run = await apiRun();
    expect(run.outputs.reason_code).toBe('deploy_limit_reached');
  });
});
