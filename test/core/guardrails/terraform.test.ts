import { describe, expect, it } from 'vitest';
import { decideGuardrails, planChanges, type RuleOutcome } from '../../../src/core/guardrails/index.js';
import type { Guardrail } from '../../../src/core/index.js';
import { guardInput, policyFile } from './fixtures.js';

const change = (address: string, ...actions: string[]): unknown => ({ address, change: { actions } });
const plan = (...changes: unknown[]): unknown => ({ format_version: '1.2', resource_changes: changes });

describe('planChanges', () => {
  it.each([
    [
      'no-ops, creates, updates, reads and forgets',
      plan(
        change('a', 'no-op'),
        change('b', 'create'),
        change('c', 'update'),
        change('d', 'read'),
        change('e', 'forget'),
      ),
      { destroy: [], replace: [] },
    ],
    ['a delete', plan(change('aws_db.main', 'delete')), { destroy: ['aws_db.main'], replace: [] }],
    ['replace, delete first', plan(change('a', 'delete', 'create')), { destroy: [], replace: ['a'] }],
    ['replace, create first', plan(change('b', 'create', 'delete')), { destroy: [], replace: ['b'] }],
    [
      'a mix',
      plan(change('x', 'delete'), change('y', 'no-op'), change('z', 'create', 'delete')),
      { destroy: ['x'], replace: ['z'] },
    ],
    ['format 1.0', { format_version: '1.0', resource_changes: [] }, { destroy: [], replace: [] }],
    ['format "1"', { format_version: '1', resource_changes: [] }, { destroy: [], replace: [] }],
    [
      'a no-change plan (Terraform omits resource_changes)',
      { format_version: '1.2', planned_values: {} },
      { destroy: [], replace: [] },
    ],
    [
      'a change without address',
      plan({ change: { actions: ['delete'] } }),
      { destroy: ['resource_changes[0]'], replace: [] },
    ],
  ])('%s', (_name, input, expected) => {
    expect(planChanges(input)).toEqual(expected);
  });

  it.each([
    ['null', null, 'it is not a JSON object'],
    ['an array', [], 'it is not a JSON object'],
    ['a string', 'plan', 'it is not a JSON object'],
    [
      'no format_version',
      { resource_changes: [] },
      'it has no format_version, but grantops reads format 1.x',
    ],
    ['format 0.1', { format_version: '0.1', resource_changes: [] }, 'its format_version is "0.1"'],
    ['format 2.0', { format_version: '2.0', resource_changes: [] }, 'its format_version is "2.0"'],
    ['format 10.0', { format_version: '10.0', resource_changes: [] }, 'its format_version is "10.0"'],
    ['a numeric format_version', { format_version: 1, resource_changes: [] }, 'its format_version is 1,'],
    ['an errored plan', { format_version: '1.2', errored: true, resource_changes: [] }, 'errored'],
    ['a state, not a plan', { format_version: '1.0', values: {} }, 'no `resource_changes` list'],
    [
      'resource_changes not a list',
      { format_version: '1.2', resource_changes: {} },
      'no `resource_changes` list',
    ],
    ['an entry that is not an object', plan(7), 'resource_changes[0] has no `change.actions` list'],
    ['an entry without change', plan({ address: 'a' }), 'a has no `change.actions` list'],
    ['actions not a list', plan({ address: 'a', change: { actions: 'delete' } }), 'a has no'],
    ['actions not strings', plan({ address: 'a', change: { actions: [1] } }), 'a has no'],
  ])('rejects %s', (_name, input, error) => {
    const result = planChanges(input);
    expect('error' in result && result.error).toContain(error);
  });
});

const rows = (
  terraform: Guardrail['terraform'],
  extra: { terraformPlan?: unknown; commands?: string[] } = {},
): RuleOutcome[] => {
  const policy = policyFile(
    { production: terraform ? { terraform } : {} },
    {
      lines: {
        'guardrails.production.terraform.max_destroy': 51,
        'guardrails.production.terraform.max_replace': 52,
      },
    },
  );
  return decideGuardrails(guardInput({ policy, ...extra })).rules.filter((r) => r.rule === 'terraform');
};

describe('terraform rule', () => {
  const limits = { max_destroy: 0, max_replace: 1 };
  it.each([
    {
      name: 'within limits',
      plan: plan(change('a', 'create'), change('b', 'delete', 'create')),
      codes: ['terraform_within_limits'],
    },
    {
      name: 'a destroy over max_destroy 0',
      plan: plan(change('a', 'delete')),
      codes: ['terraform_destroy_limit'],
    },
    {
      name: 'two replaces over max_replace 1',
      plan: plan(change('a', 'delete', 'create'), change('b', 'create', 'delete')),
      codes: ['terraform_replace_limit'],
    },
    {
      name: 'both limits exceeded',
      plan: plan(change('a', 'delete'), change('b', 'delete', 'create'), change('c', 'create', 'delete')),
      codes: ['terraform_destroy_limit', 'terraform_replace_limit'],
    },
    {
      name: 'unknown format_version',
      plan: { format_version: '2.0', resource_changes: [] },
      codes: ['terraform_plan_invalid'],
    },
    { name: 'not an object', plan: null, codes: ['terraform_plan_invalid'] },
  ])('$name', ({ plan: p, codes }) => {
    expect(rows(limits, { terraformPlan: p }).map((r) => r.code)).toEqual(codes);
  });

  it('names the addresses and points at the limit', () => {
    const many = Array.from({ length: 12 }, (_, i) => change(`aws_s3_bucket.b${i}`, 'delete'));
    const [row] = rows(limits, { terraformPlan: plan(...many) });
    expect(row).toMatchObject({ outcome: 'fail', line: 51 });
    expect(row?.message).toBe(
      'the plan destroys 12 resources (limit 0): aws_s3_bucket.b0, aws_s3_bucket.b1, aws_s3_bucket.b2, aws_s3_bucket.b3, aws_s3_bucket.b4, aws_s3_bucket.b5, aws_s3_bucket.b6, aws_s3_bucket.b7, aws_s3_bucket.b8, aws_s3_bucket.b9, and 2 more; change the plan, or raise guardrails.production.terraform.max_destroy in access.yml',
    );
    const [replace] = rows(limits, {
      terraformPlan: plan(change('a', 'delete', 'create'), change('b', 'create', 'delete')),
    });
    expect(replace).toMatchObject({ line: 52 });
    expect(replace?.message).toMatch(/^the plan replaces 2 resources \(limit 1\): a, b;/);
  });

  it('reports counts on a pass, with "none" for an unset limit', () => {
    const [row] = rows({ max_destroy: 1 }, { terraformPlan: plan(change('a', 'delete')) });
    expect(row?.message).toBe('the plan destroys 1 (limit 1) and replaces 0 (limit none) resources');
    const [other] = rows({ max_replace: 0 }, { terraformPlan: plan() });
    expect(other?.message).toBe('the plan destroys 0 (limit none) and replaces 0 (limit 0) resources');
  });

  it.each([
    { name: 'no plan, no commands', commands: undefined, code: 'terraform_plan_absent', outcome: 'skip' },
    {
      name: 'no plan, a plan command',
      commands: ['terraform plan -out p'],
      code: 'terraform_plan_absent',
      outcome: 'skip',
    },
    {
      name: 'no plan, terraform apply',
      commands: ['terraform apply -auto-approve'],
      code: 'terraform_plan_missing',
      outcome: 'fail',
    },
    {
      name: 'no plan, terraform -chdir apply',
      commands: ['terraform -chdir=infra apply'],
      code: 'terraform_plan_missing',
      outcome: 'fail',
    },
    {
      name: 'no plan, chained destroy',
      commands: ['make && TF_LOG=1 terraform destroy'],
      code: 'terraform_destroy_command',
      outcome: 'fail',
    },
    {
      name: 'no plan, tofu apply',
      commands: ['tofu apply'],
      code: 'terraform_plan_missing',
      outcome: 'fail',
    },
    {
      name: 'no plan, terraform applyish',
      commands: ['terraform apply-plan'],
      code: 'terraform_plan_absent',
      outcome: 'skip',
    },
  ])('$name', ({ commands, code, outcome }) => {
    expect(rows(limits, commands ? { commands } : {}).map((r) => [r.code, r.outcome])).toEqual([
      [code, outcome],
    ]);
  });

  it.each([
    { name: 'a negative limit', terraform: { max_destroy: -1 } },
    { name: 'a fractional limit', terraform: { max_replace: 0.5 } },
  ])('fails closed on $name', ({ terraform }) => {
    expect(rows(terraform, { terraformPlan: plan() }).map((r) => r.code)).toEqual(['policy_invalid']);
  });

  it('adds no row without limits', () => {
    expect(rows(undefined, { terraformPlan: plan() })).toEqual([]);
    expect(rows({}, { terraformPlan: plan() })).toEqual([]);
  });
});

describe('terraform rule: the commands must apply the checked plan', () => {
  const limits = { max_destroy: 0, max_replace: 2 };
  const harmless = plan(change('a', 'create'));
  it.each([
    // Found however they are written.
    ['/usr/local/bin/terraform apply -auto-approve', undefined, 'terraform_plan_missing'],
    ['terraform "apply" -auto-approve', undefined, 'terraform_plan_missing'],
    ['sudo -u deploy terraform apply -auto-approve', undefined, 'terraform_plan_missing'],
    ['bash -c "cd infra && terraform apply"', undefined, 'terraform_plan_missing'],
    ['terraform apply plan.tfplan', undefined, 'terraform_plan_missing'],
    // Destroys count as destroying everything, plan or not.
    ['terraform destroy -auto-approve', harmless, 'terraform_destroy_command'],
    ['terraform -chdir=infra destroy', undefined, 'terraform_destroy_command'],
    ['terraform apply -destroy -auto-approve', harmless, 'terraform_destroy_command'],
    ['terraform apply --destroy=true plan.tfplan', harmless, 'terraform_destroy_command'],
    ['tofu apply -destroy', undefined, 'terraform_destroy_command'],
    ['echo destroy | xargs terraform', harmless, 'terraform_destroy_command'],
    // An apply without a saved plan file plans again.
    ['terraform apply -auto-approve', harmless, 'terraform_apply_unsaved_plan'],
    [
      'terraform apply -destroy=false -var region=eu -target x -auto-approve',
      harmless,
      'terraform_apply_unsaved_plan',
    ],
    ['terraform apply -state s -state-out o -backup b', harmless, 'terraform_apply_unsaved_plan'],
    [
      'terraform plan -out=p && terraform apply p && terraform apply -auto-approve',
      harmless,
      'terraform_apply_unsaved_plan',
    ],
    ['terraform apply a.tfplan; terraform apply b.tfplan', harmless, 'terraform_plan_ambiguous'],
    // Applying the saved plan: the plan given is what is checked.
    ['terraform apply plan.tfplan', harmless, 'terraform_within_limits'],
    [
      'terraform -chdir=infra apply -auto-approve -var x=1 -lock-timeout=5m plan.tfplan',
      harmless,
      'terraform_within_limits',
    ],
    ['terraform apply -- plan.tfplan', harmless, 'terraform_within_limits'],
    ['terraform apply -', harmless, 'terraform_within_limits'],
    ['terraform apply plan.tfplan', plan(change('a', 'delete')), 'terraform_destroy_limit'],
    [
      'terraform plan -destroy -out=p && terraform show -json p',
      plan(change('a', 'delete')),
      'terraform_destroy_limit',
    ],
    ['terraform apply-plan; terraform workspace list; terraform', undefined, 'terraform_plan_absent'],
    ['xargs -n1 terraform fmt', undefined, 'terraform_plan_absent'],
    // Unreadable commands fail closed.
    ['terraform apply "plan', harmless, 'terraform_command_unparseable'],
    ['echo terraform apply | sh', undefined, 'terraform_command_unparseable'],
  ])('%j with plan %j: %s', (command, terraformPlan, code) => {
    const extra =
      terraformPlan === undefined ? { commands: [command] } : { commands: [command], terraformPlan };
    expect(rows(limits, extra).map((r) => r.code)).toEqual([code]);
  });

  it('lets a destroy through when max_destroy is not set (only max_replace)', () => {
    expect(rows({ max_replace: 0 }, { commands: ['terraform destroy'] }).map((r) => r.code)).toEqual([
      'terraform_plan_absent',
    ]);
    const withPlan = rows({ max_replace: 0 }, { commands: ['terraform destroy'], terraformPlan: plan() });
    expect(withPlan.map((r) => r.code)).toEqual(['terraform_within_limits']);
  });

  it('says what to run instead, and points at max_destroy for a destroy', () => {
    const [destroy] = rows(limits, { commands: ['sudo terraform destroy -auto-approve'] });
    expect(destroy).toMatchObject({ line: 51, outcome: 'fail' });
    expect(destroy?.message).toBe(
      '`terraform destroy -auto-approve` destroys everything in the state without a checked plan, which counts as over guardrails.production.terraform.max_destroy (0): to destroy within the limit, plan with `terraform plan -destroy -out=plan.tfplan` and apply that saved plan; or remove max_destroy in access.yml',
    );
    const [replan] = rows(limits, { commands: ['terraform apply -auto-approve'], terraformPlan: harmless });
    expect(replan?.message).toBe(
      '`terraform apply -auto-approve` names no saved plan file, so Terraform plans again and applies a plan that was not checked: run `terraform plan -out=plan.tfplan`, pass `terraform show -json plan.tfplan` as the plan, then run `terraform apply plan.tfplan`',
    );
    const [two] = rows(limits, {
      commands: ['terraform apply a', 'terraform apply b'],
      terraformPlan: harmless,
    });
    expect(two?.message).toMatch(
      /^the job applies 2 saved plans \(`terraform apply a`, `terraform apply b`\)/,
    );
    const [unreadable] = rows(limits, { commands: ["terraform apply 'p"] });
    expect(unreadable?.message).toBe(
      "command `terraform apply 'p` cannot be checked (a single quote is never closed), so what it applies is unknown and the terraform limits fail closed: write it as plain commands",
    );
  });
});
