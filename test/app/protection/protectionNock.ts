import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { createTarball } from '../../../src/emulator/tarball.js';
import { encodeRecord, revertBranch, type GrantRecord } from '../../../src/core/lifecycle/index.js';
import { gitBlobSha } from '../../../src/github/gitBlobSha.js';
import { grantRecord } from '../../audit/records.js';
import { grantsFiles } from './grantsFiles.js';
import { SEAL } from './protectionHarness.js';

export const API = 'https://api.github.com';
const WEB = '/repos/acme/web';
export const RUN_ID = 4242;
export const HEAD_SHA = '47efb7196c2a1a2fd3f52f2c59f0e2dd3d0e4d54';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A deployment as the Deployments API lists it. */
export const deployment = (id: number, createdAt: string, extra: Body = {}) => ({
  id,
  sha: 'b'.repeat(40),
  ref: 'main',
  task: 'deploy',
  environment: 'production',
  creator: { login: 'carol' },
  created_at: createdAt,
  ...extra,
});

/**
 * The body of the reverting PR grantops opens for `file` once applied: its sealed record, naming
 * the blob of `text` (by default the file as in grantsFiles()).
 */
export function recordBody(
  file: string,
  over: Partial<GrantRecord> = {},
  text?: string,
  repo = 'acme/access-grants',
  pull = 12,
): string {
  const content = text ?? grantsFiles()[file] ?? '';
  const record = grantRecord({ file, blob: gitBlobSha(Buffer.from(content)), ...over });
  return `Revokes ${file} at expiry.\n\n${encodeRecord(record, { seal: SEAL, repo, pull })}`;
}

/** A pull request as `GET /pulls` lists it, from `branch` into the default branch `main`. */
export const recordPull = (number: number, body: string, base = 'main') => ({
  number,
  state: 'open',
  body,
  head: { ref: 'x', sha: 'd'.repeat(40) },
  base: { ref: base, repo: { default_branch: 'main' } },
  labels: [],
});

/** Named nock helpers for the routes of the protection rule; each returns its scope. */
export const gh = {
  installationToken: () =>
    nock(API)
      .post('/app/installations/1/access_tokens')
      .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} }),
  grantsTarball: (files: Record<string, string> | number, repo = 'acme/access-grants') => {
    const scope = nock(API).get(`/repos/${repo}/tarball/HEAD`);
    if (typeof files === 'number')
      return scope.reply(files, { message: files === 404 ? 'Not Found' : 'Server Error' });
    const sha = 'c'.repeat(40);
    const body = createTarball({
      folder: `${repo.replace('/', '-')}-${sha.slice(0, 7)}`,
      commitSha: sha,
      mtime: new Date(0),
      files: Object.entries(files).map(([path, text]) => ({
        path,
        content: Buffer.from(text),
        mode: '100644',
      })),
    });
    return scope.reply(200, body, { 'content-type': 'application/x-gzip' });
  },
  /** The reverting PRs of a grant file (by default: its sealed record, applied, as grantops writes it). */
  recordPulls: (
    file = 'grants/deploy-production/alice.yml',
    pulls: Body[] = [recordPull(12, recordBody(file))],
    repo = 'acme/access-grants',
  ) =>
    nock(API)
      .get(`/repos/${repo}/pulls`)
      .query({
        head: `${repo.split('/')[0]}:${revertBranch(file)}`,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: 10,
      })
      .reply(200, pulls),
  deploymentStatuses: (id: number, statuses: { state: string; created_at: string }[]) =>
    nock(API).get(`${WEB}/deployments/${id}/statuses`).query({ per_page: 100 }).reply(200, statuses),
  deployments: (list: Body[], environment = 'production') =>
    nock(API).get(`${WEB}/deployments`).query({ environment, per_page: 100, page: 1 }).reply(200, list),
  callback: (capture: (body: Body) => void, status = 204, runId = RUN_ID) =>
    nock(API)
      .post(`${WEB}/actions/runs/${runId}/deployment_protection_rule`, (body) => (capture(body), true))
      .reply(
        status,
        status === 204
          ? undefined
          : { message: 'No pending custom deployment protection rules found for this environment.' },
      ),
  waitingRuns: (runs: Body[], perPage = 30) =>
    nock(API)
      .get(`${WEB}/actions/runs`)
      .query({ status: 'waiting', exclude_pull_requests: 'true', per_page: perPage })
      .reply(200, { total_count: runs.length, workflow_runs: runs }),
  pendingDeployments: (runId: number, environments: string[]) =>
    nock(API)
      .get(`${WEB}/actions/runs/${runId}/pending_deployments`)
      .reply(
        200,
        environments.map((name, i) => ({
          environment: { id: 100 + i, name },
          wait_timer: 0,
          wait_timer_started_at: null,
          current_user_can_approve: false,
          reviewers: [],
        })),
      ),
  protectionRules: (environment: string, appIds: number[]) =>
    nock(API)
      .get(`${WEB}/environments/${environment}/deployment_protection_rules`)
      .reply(200, {
        total_count: appIds.length,
        custom_deployment_protection_rules: appIds.map((id) => ({
          id: id * 10,
          node_id: 'GATE',
          enabled: true,
          app: { id, slug: `app-${id}`, integration_url: `${API}/apps/app-${id}`, node_id: 'APP' },
        })),
      }),
  approvals: (runId: number, comments: string[], environment = 'production') =>
    nock(API)
      .get(`${WEB}/actions/runs/${runId}/approvals`)
      .reply(
        200,
        comments.map((comment) => ({
          environments: [{ id: 100, name: environment }],
          state: 'pending',
          user: { login: 'grantops[bot]', type: 'Bot' },
          comment,
        })),
      ),
};

/** A workflow run as `GET /actions/runs` lists it. */
export const waitingRun = (extra: Body = {}) => ({
  id: RUN_ID,
  name: 'deploy',
  head_branch: 'main',
  head_sha: HEAD_SHA,
  run_attempt: 1,
  event: 'push',
  status: 'waiting',
  conclusion: null,
  created_at: '2026-11-25T09:58:00Z',
  run_started_at: '2026-11-25T09:58:00Z',
  actor: { login: 'alice', type: 'User' },
  triggering_actor: { login: 'alice', type: 'User' },
  ...extra,
});

/** An installation client for the sweep's port, quiet about the failures tests provoke. */
export function quietOctokit(): Octokit {
  const quiet = () => {};
  return new Octokit({ auth: 'ghs_test', log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}
