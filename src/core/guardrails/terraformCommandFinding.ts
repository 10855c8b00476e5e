import type { CommandParts } from './commandParts.js';
import type { Finding, GuardContext } from './finding.js';
import type { TerraformRun } from './terraformRuns.js';

const SAVE =
  'run `terraform plan -out=plan.tfplan`, pass `terraform show -json plan.tfplan` as the plan, then run `terraform apply plan.tfplan`';

/**
 * Why the commands keep the terraform limits from meaning anything, if they do: a command that
 * cannot be read; a destroy while `max_destroy` is set (it destroys the whole state, so it counts
 * as over any limit, and takes no saved plan); with a plan given, an apply that plans again, or
 * applies of more than one saved plan.
 */
export function terraformCommandFinding(
  ctx: GuardContext,
  params: { parts: readonly CommandParts[]; runs: readonly TerraformRun[]; planGiven: boolean },
): Finding | undefined {
  const base = { rule: 'terraform' as const, status: 'fail' as const, ...ctx.locate(['terraform']) };
  const unreadable = params.parts.find((p) => p.problem !== undefined);
  if (unreadable) {
    const message = `command \`${unreadable.whole}\` cannot be checked (${unreadable.problem}), so what it applies is unknown and the terraform limits fail closed: write it as plain commands`;
    return { ...base, code: 'terraform_command_unparseable', message };
  }
  const limit = ctx.guardrail.terraform?.max_destroy;
  const destroy = params.runs.find((r) => r.kind === 'destroy');
  if (destroy && limit !== undefined) {
    const message = `\`${destroy.command}\` destroys everything in the state without a checked plan, which counts as over guardrails.${ctx.envKey}.terraform.max_destroy (${limit}): to destroy within the limit, plan with \`terraform plan -destroy -out=plan.tfplan\` and apply that saved plan; or remove max_destroy in ${ctx.input.policy.file}`;
    return {
      ...base,
      code: 'terraform_destroy_command',
      message,
      ...ctx.locate(['terraform', 'max_destroy']),
    };
  }
  if (!params.planGiven) return undefined;
  const replan = params.runs.find((r) => r.kind === 'replan');
  if (replan) {
    const message = `\`${replan.command}\` names no saved plan file, so Terraform plans again and applies a plan that was not checked: ${SAVE}`;
    return { ...base, code: 'terraform_apply_unsaved_plan', message };
  }
  const files = params.runs.filter((r) => r.kind === 'saved');
  if (files.length > 1) {
    const message = `the job applies ${files.length} saved plans (${files.map((r) => `\`${r.command}\``).join(', ')}) but one plan is checked: apply one plan per job, or check each in its own step`;
    return { ...base, code: 'terraform_plan_ambiguous', message };
  }
  return undefined;
}
