import { describe, expect, it } from 'vitest';
import { runAction } from './actionHarness.js';
import { grantText, runnerEnv, SATURDAY, WEDNESDAY, workspaceWith } from './workspace.js';

const aliceStaging = {
  'grants/deploy-staging/alice.yml': grantText({
    grantee: 'alice',
    resource: 'deploy-staging',
    expires: '2026-11-25T18:00:00Z',
  }),
};

/** Runs the Action from a checkout at grants/ with no token (so no API call can happen). */
async function local(params: {
  grants?: Record<string, string>;
  files?: Record<string, string>;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  actor?: string;
  now?: string;
  fetch?: typeof fetch;
}) {
  const ws = workspaceWith(params.grants ?? aliceStaging, params.files);
  const result = await runAction({
    inputs: { environment: 'staging', 'grants-path': 'grants', ...params.inputs },
    env: { ...runnerEnv(ws, params.actor), ...params.env },
    now: params.now ?? WEDNESDAY,
    createClient: () => Promise.reject(new Error('this test makes no API call')),
    ...(params.fetch ? { fetch: params.fetch } : {}),
  });
  return { ...result, ws };
}

describe('the Action, reading the grants from a checkout', () => {
  it('allows a deploy and writes decision, reason_code, result and the summary table', async () => {
    const run = await local({});
    expect(run.failed).toEqual([]);
    expect(run.outputs).toMatchObject({ decision: 'allowed', reason_code: 'allowed' });
    expect(run.decision).toMatchObject({
      schema_version: 1,
      environment: 'staging',
      actor: 'alice',
      at: WEDNESDAY,
    });
    expect(run.summary).toContain('### ✅ grantops allowed the deploy to `staging`');
    expect(run.summary).toContain(
      "| Rule | Outcome | Message | Time (UTC) | Time (rule's zone) | Until | Where |",
    );
    expect(run.summary).toContain('| grant | ✅ pass | alice holds grant grants/deploy-staging/alice.yml');
    expect(run.summary).toContain('0 API request(s)');
    // staging's max_deploys is in warn mode: no history (no github-token) warns, pointing at its line.
    expect(run.warnings[0]).toMatchObject({
      message: expect.stringContaining('could not be read'),
      properties: {
        file: 'grants/access.yml',
        startLine: 116,
        title: 'grantops max_deploys: deploy_history_unavailable (warn)',
      },
    });
    expect(run.summary).toContain('pass github-token');
  });

  it('blocks in enforce mode: fails the step, one error annotation per failed rule at its line', async () => {
    const run = await local({ actor: 'bob', inputs: { commands: 'terraform \\\n  destroy -auto-approve' } });
    expect(run.outputs).toMatchObject({ decision: 'blocked', reason_code: 'no_active_grant' });
    expect(run.errors.map((e) => [e.properties?.title, e.properties?.file, e.properties?.startLine])).toEqual(
      [
        ['grantops grant: no_active_grant', 'grants/access.yml', 114],
        ['grantops commands: command_denied', 'grants/access.yml', 115],
      ],
    );
    expect(run.failed).toEqual([
      expect.stringMatching(
        /^grantops blocked the deploy to staging: no_active_grant: no active grant for bob/,
      ),
    ]);
    expect(run.summary).toContain('### ⛔ grantops blocked');
  });

  it('in warn mode reports the same decision as warnings and never fails', async () => {
    const run = await local({ actor: 'bob', inputs: { mode: 'warn' } });
    expect(run.outputs).toMatchObject({ decision: 'blocked', reason_code: 'no_active_grant' });
    expect(run.failed).toEqual([]);
    expect(run.errors).toEqual([]);
    expect(run.warnings.map((w) => w.properties?.title ?? w.message.slice(0, 39))).toEqual([
      'grantops grant: no_active_grant',
      'grantops max_deploys: deploy_history_unavailable (warn)',
      'grantops would block the deploy to stag',
    ]);
    expect(run.warnings.at(-1)?.message).toContain('(mode: warn, so the step does not fail)');
    expect(run.summary).toContain('would block (warn mode)');
  });

  it('points the grant rule at the grant file when the grant has expired', async () => {
    const run = await local({ now: '2026-11-25T19:00:00Z' });
    expect(run.errors[0]).toMatchObject({
      properties: {
        file: 'grants/grants/deploy-staging/alice.yml',
        startLine: 4,
        title: 'grantops grant: grant_expired',
      },
    });
  });

  it('checks the triggering actor of a re-run too', async () => {
    const run = await local({ env: { GITHUB_TRIGGERING_ACTOR: 'mallory' } });
    expect(run.outputs.reason_code).toBe('no_active_grant');
    expect(run.errors[0]?.message).toContain('no active grant for mallory');
    expect(run.summary).toContain('actor `alice` (re-run by `mallory`)');
  });

  it('blocks during a freeze, with the times in UTC and in the window zone', async () => {
    const grants = {
      'grants/deploy-production/alice.yml': grantText({
        grantee: 'alice',
        resource: 'deploy-production',
        expires: '2026-11-28T12:00:00Z',
      }),
    };
    const run = await local({ grants, inputs: { environment: 'production' }, now: SATURDAY });
    expect(run.decision?.rules.find((r) => r.rule === 'freeze')).toMatchObject({
      outcome: 'fail',
      until: '2026-11-30T07:00:00Z',
    });
    expect(run.summary).toContain(
      '| 2026-11-28T10:00:00Z | 2026-11-28T11:00:00+01:00 (Europe/Berlin) | 2026-11-30T07:00:00Z |',
    );
  });

  it('fails the terraform rule closed when the plan file cannot be read', async () => {
    const grants = {
      'grants/deploy-production/alice.yml': grantText({
        grantee: 'alice',
        resource: 'deploy-production',
        expires: '2026-11-25T14:00:00Z',
      }),
    };
    const run = await local({ grants, inputs: { environment: 'production', 'terraform-plan': 'plan.json' } });
    expect(run.decision?.rules.find((r) => r.rule === 'terraform')).toMatchObject({
      outcome: 'fail',
      code: 'terraform_plan_invalid',
    });
    expect(run.summary).toContain('cannot read terraform-plan');
  });

  it('fails closed with a fix when grants-path is not a checkout', async () => {
    const run = await local({ inputs: { 'grants-path': 'missing' } });
    expect(run.outputs).toMatchObject({ decision: 'blocked', reason_code: 'policy_invalid' });
    expect(run.failed[0]).toContain(
      'check out the grants repository there (actions/checkout with `path: missing`)',
    );
  });

  it.each([
    [
      { 'grants-repo': 'acme/grants' },
      'give grants-path (a checkout) or grants-repo (read through the API), not both',
    ],
    [{ mode: 'audit' }, 'input mode is "audit"; set it to enforce or warn'],
    [{ environment: '' }, 'input environment is required'],
    [{ 'grants-path': '', 'grants-repo': 'not a repo' }, 'grants-repo "not a repo" is not owner/name'],
    [{ 'grants-path': '', 'grants-repo': 'acme/grants' }, 'grants-repo acme/grants needs a token'],
  ])('fails the step on unusable inputs %j, with decision blocked', async (inputs, message) => {
    const run = await local({ inputs });
    expect(run.failed).toEqual([expect.stringContaining(`grantops: ${message}`)]);
    expect(run.outputs).toEqual({ decision: 'blocked' });
  });

  it('only warns on unusable inputs in warn mode', async () => {
    const run = await local({ inputs: { mode: 'warn', 'grants-path': '' } });
    expect(run.failed).toEqual([]);
    expect(run.warnings[0]?.message).toMatch(
      /^grantops: no grants repository: .* \(mode: warn, so the step does not fail\)$/,
    );
  });
});
