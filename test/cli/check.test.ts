import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/guardrails/index.js';
import { runCliCapture } from '../helpers/runCliCapture.js';
import { EXAMPLE_REPO, tempRepo } from '../helpers/tempRepo.js';

/** Wednesday 2026-11-25, 13:00 in Berlin: no freeze window of the example policy is active. */
const WEDNESDAY = '2026-11-25T12:00:00Z';
/** Saturday 2026-11-28, 11:00 in Berlin: inside the `weekend` freeze. */
const SATURDAY = '2026-11-28T10:00:00Z';

const grant = (grantee: string, expires: string, extra = '') =>
  `grantee: ${grantee}\nresource: deploy-production\nreason: "Release 2026.48"\nexpires: ${expires}\n${extra}`;

/** The example grants repo plus alice's grant to deploy to production on Wednesday afternoon. */
function repoWith(files: Record<string, string> = {}): string {
  return tempRepo(
    { 'grants/deploy-production/alice.yml': grant('alice', '2026-11-25T14:00:00Z'), ...files },
    EXAMPLE_REPO,
  );
}

const history = (...createdAt: string[]) => JSON.stringify(createdAt.map((t) => ({ created_at: t })));

async function check(dir: string, args: string[], at = WEDNESDAY) {
  return runCliCapture(['check', '--dir', dir, '--at', at, ...args]);
}

describe('grantops check', () => {
  it('exits 0 and prints the decision object unchanged with --json when the deploy is allowed', async () => {
    const dir = repoWith({ 'deployments.json': history('2026-11-25T11:30:00Z', '2026-11-25T10:00:00Z') });
    const args = [
      '--environment',
      'production',
      '--actor',
      'Alice',
      '--deployments-file',
      `${dir}/deployments.json`,
    ];
    const { code, stdout, stderr } = await check(dir, [
      ...args,
      '--command',
      'kubectl apply -f app.yml',
      '--json',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const decision = JSON.parse(stdout) as Decision;
    expect(Object.keys(decision).sort()).toEqual(
      [
        'actor',
        'alerts',
        'allowed',
        'at',
        'decision',
        'emergency',
        'environment',
        'reason_code',
        'rules',
        'schema_version',
      ].sort(),
    );
    expect(decision).toMatchObject({
      schema_version: 1,
      decision: 'allowed',
      reason_code: 'allowed',
      at: WEDNESDAY,
    });
    expect(decision.rules.map((r) => `${r.rule}:${r.outcome}:${r.code}`)).toEqual([
      'policy:pass:environment_listed',
      'grant:pass:grant_active',
      'commands:pass:commands_allowed',
      'freeze:pass:freeze_inactive',
      'max_deploys:pass:deploys_within_limit',
      'terraform:skip:terraform_plan_absent',
    ]);
  });

  it('prints every rule with its times in UTC and in the rule zone, then the decision, and exits 1 when blocked', async () => {
    const dir = repoWith({ 'd.json': history() });
    const { code, stdout } = await check(
      dir,
      ['--environment', 'production', '--actor', 'alice', '--deployments-file', `${dir}/d.json`],
      SATURDAY,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /freeze\s+fail\s+enforce\s+freeze_active\s+2026-11-28T10:00:00Z\s+2026-11-28T11:00:00\+01:00 \(Europe\/Berlin\)\s+2026-11-30T07:00:00Z\s+\S*access\.yml:106:9/,
    );
    expect(stdout).toContain('FAIL production is frozen by `weekend`');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('blocked (reason_code: grant_expired)');
  });

  it('checks the triggering actor of a re-run too', async () => {
    const dir = repoWith({ 'd.json': history() });
    const args = ['--environment', 'production', '--actor', 'alice', '--deployments-file', `${dir}/d.json`];
    const { code, stdout } = await check(dir, [...args, '--triggering-actor', 'mallory', '--json']);
    const decision = JSON.parse(stdout) as Decision;
    expect(code).toBe(1);
    expect(decision.reason_code).toBe('no_active_grant');
    expect(decision.rules.filter((r) => r.rule === 'grant').map((r) => r.code)).toEqual([
      'grant_active',
      'no_active_grant',
    ]);
  });

  it('fails max_deploys closed without a history and tells the user to pass --deployments-file', async () => {
    const dir = repoWith();
    const human = await check(dir, ['--environment', 'production', '--actor', 'alice']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(
      'hint: max_deploys needs the deployment history: pass --deployments-file FILE',
    );
    expect(human.stdout).toContain('blocked (reason_code: deploy_history_unavailable)');
    const json = await check(dir, ['--environment', 'production', '--actor', 'alice', '--json']);
    expect(JSON.parse(json.stdout).reason_code).toBe('deploy_history_unavailable');
    expect(json.stderr).toContain('--deployments-file');
  });

  it('counts the deployments of the file against max_deploys', async () => {
    const times = ['11:05', '11:15', '11:25', '11:35', '11:45'].map((t) => `2026-11-25T${t}:00Z`);
    const dir = repoWith({ 'd.json': history(...times) });
    const { code, stdout } = await check(dir, [
      '--environment',
      'production',
      '--actor',
      'alice',
      '--deployments-file',
      `${dir}/d.json`,
      '--json',
    ]);
    expect(code).toBe(1);
    const rule = (JSON.parse(stdout) as Decision).rules.find((r) => r.rule === 'max_deploys');
    expect(rule).toMatchObject({ code: 'deploy_limit_reached', until: '2026-11-25T12:05:00Z' });
  });

  it('checks a terraform plan given as a file', async () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [{ address: 'aws_db_instance.main', change: { actions: ['delete'] } }],
    };
    const dir = repoWith({ 'd.json': history(), 'plan.json': JSON.stringify(plan) });
    const args = ['--environment', 'production', '--actor', 'alice', '--deployments-file', `${dir}/d.json`];
    const { code, stdout } = await check(dir, [...args, '--terraform-plan', `${dir}/plan.json`, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).reason_code).toBe('terraform_destroy_limit');
  });

  it('counts only valid grants, and names the ones it ignored', async () => {
    const dir = repoWith({
      'd.json': history(),
      // Too long for deploy-production's 4h max_duration: an error in that file only.
      'grants/deploy-production/bob.yml': grant('bob', '2026-11-26T12:00:00Z'),
    });
    const bob = await check(dir, [
      '--environment',
      'production',
      '--actor',
      'bob',
      '--deployments-file',
      `${dir}/d.json`,
    ]);
    expect(bob.code).toBe(1);
    expect(bob.stdout).toContain('no active grant for bob');
    expect(bob.stdout).toContain('grants/deploy-production/bob.yml');
    const alice = await check(dir, [
      '--environment',
      'production',
      '--actor',
      'alice',
      '--deployments-file',
      `${dir}/d.json`,
    ]);
    expect(alice.code).toBe(0);
  });

  it('fails closed when the policy has errors', async () => {
    const dir = repoWith({
      'access.yml': 'version: 1\nresources: {}\nguardrails: {production: {max_deploys: 3}}\n',
    });
    const { code, stdout } = await check(dir, ['--environment', 'production', '--actor', 'alice', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      reason_code: 'policy_invalid',
      rules: [{ rule: 'policy', file: 'access.yml' }],
    });
  });

  it.each([
    [['--actor', 'alice'], '--environment is required'],
    [['--environment', 'production'], '--actor is required'],
    [['--environment', 'production', '--actor', 'alice', 'extra'], 'unexpected argument "extra"'],
    [['--environment', 'production', '--actor', 'alice', '--at', 'soon'], 'is not an RFC 3339 time'],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const { code, stderr } = await check(repoWith(), args as string[]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: grantops check --environment ENV --actor LOGIN');
  });

  it.each([
    ['--terraform-plan', 'missing.json', {}, 'cannot read --terraform-plan'],
    ['--terraform-plan', 'plan.json', { 'plan.json': '{"format_version":' }, 'is not JSON'],
    ['--deployments-file', 'd.json', { 'd.json': '{}' }, 'is not a JSON array'],
    [
      '--deployments-file',
      'd.json',
      { 'd.json': '[{"created_at":"yesterday"}]' },
      'entry 0 has no RFC 3339 created_at',
    ],
  ])('exits 2 when %s %s cannot be used', async (flag, file, files: Record<string, string>, message) => {
    const dir = repoWith(files);
    const { code, stderr } = await check(dir, [
      '--environment',
      'production',
      '--actor',
      'alice',
      flag,
      `${dir}/${file}`,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 when the grants directory cannot be read', async () => {
    const { code, stderr } = await check('/nonexistent/grants', [
      '--environment',
      'production',
      '--actor',
      'alice',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read /nonexistent/grants');
  });
});
