import { commandParts } from './commandParts.js';
import type { Finding, GuardContext } from './finding.js';
import { planChanges } from './planChanges.js';
import { terraformCommandFinding } from './terraformCommandFinding.js';
import { terraformRuns } from './terraformRuns.js';

const SHOW_JSON = '`terraform show -json plan.tfplan > plan.json`';

const validLimit = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n >= 0);

function limitFinding(
  ctx: GuardContext,
  kind: 'destroy' | 'replace',
  addresses: string[],
  limit: number,
): Finding {
  const listed =
    addresses.slice(0, 10).join(', ') + (addresses.length > 10 ? `, and ${addresses.length - 10} more` : '');
  const verb = kind === 'destroy' ? 'destroys' : 'replaces';
  return {
    rule: 'terraform',
    status: 'fail',
    code: kind === 'destroy' ? 'terraform_destroy_limit' : 'terraform_replace_limit',
    message: `the plan ${verb} ${addresses.length} resources (limit ${limit}): ${listed}; change the plan, or raise guardrails.${ctx.envKey}.terraform.max_${kind} in ${ctx.input.policy.file}`,
    ...ctx.locate(['terraform', `max_${kind}`]),
  };
}

/**
 * The terraform rule: a plan may destroy at most `max_destroy` and replace at most `max_replace`
 * resources. The job's commands are read with the command tokenizer (`sudo /usr/bin/terraform
 * "apply"` is an apply) and must let the checked plan be what runs (see `terraformCommandFinding`):
 * `terraform destroy` and `apply -destroy` fail while `max_destroy` is set, and an apply must name
 * the saved plan file whose `terraform show -json` is the plan given. With no plan given the rule
 * is skipped, unless the job runs `terraform apply`: that would change infrastructure the limits
 * cannot see, so the rule fails (`terraform_plan_missing`).
 */
export function checkTerraform(ctx: GuardContext): Finding[] {
  const limits = ctx.guardrail.terraform;
  if (!limits || (limits.max_destroy === undefined && limits.max_replace === undefined)) return [];
  const base = { rule: 'terraform' as const, ...ctx.locate(['terraform']) };
  if (!validLimit(limits.max_destroy) || !validLimit(limits.max_replace)) {
    const message = `terraform limits of ${ctx.envKey} must be whole numbers of 0 or more: fix them in ${ctx.input.policy.file}`;
    return [{ ...base, status: 'fail', code: 'policy_invalid', message }];
  }
  const plan = ctx.input.terraformPlan;
  const parts = (ctx.input.commands ?? []).map(commandParts);
  const runs = parts.flatMap((p) => terraformRuns(p.commands));
  const refused = terraformCommandFinding(ctx, { parts, runs, planGiven: plan !== undefined });
  if (refused) return [refused];
  if (plan === undefined) {
    if (runs.some((r) => r.kind !== 'destroy')) {
      const message = `the job runs terraform apply but gave no plan, so the terraform limits cannot be checked: pass the output of ${SHOW_JSON} and apply that saved plan`;
      return [{ ...base, status: 'fail', code: 'terraform_plan_missing', message }];
    }
    return [{ ...base, status: 'skip', code: 'terraform_plan_absent', message: 'no terraform plan given' }];
  }
  const changes = planChanges(plan);
  if ('error' in changes) {
    const message = `the terraform plan cannot be read: ${changes.error}; pass the output of ${SHOW_JSON}`;
    return [{ ...base, status: 'fail', code: 'terraform_plan_invalid', message }];
  }
  const findings: Finding[] = [];
  const { max_destroy: maxDestroy, max_replace: maxReplace } = limits;
  if (maxDestroy !== undefined && changes.destroy.length > maxDestroy) {
    findings.push(limitFinding(ctx, 'destroy', changes.destroy, maxDestroy));
  }
  if (maxReplace !== undefined && changes.replace.length > maxReplace) {
    findings.push(limitFinding(ctx, 'replace', changes.replace, maxReplace));
  }
  if (findings.length > 0) return findings;
  const message = `the plan destroys ${changes.destroy.length} (limit ${maxDestroy ?? 'none'}) and replaces ${changes.replace.length} (limit ${maxReplace ?? 'none'}) resources`;
  return [{ ...base, status: 'pass', code: 'terraform_within_limits', message }];
}
