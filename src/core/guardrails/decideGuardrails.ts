import { formatProblem, type Problem } from '../problem.js';
import { formatUtc } from '../time/index.js';
import type { Guardrail } from '../types.js';
import { checkCommands } from './checkCommands.js';
import { checkFreeze } from './checkFreeze.js';
import { checkGrant } from './checkGrant.js';
import { checkMaxDeploys } from './checkMaxDeploys.js';
import { checkTerraform } from './checkTerraform.js';
import { collectAlerts } from './collectAlerts.js';
import type { Decision, GuardInput } from './decision.js';
import { finalizeOutcome } from './finalizeOutcome.js';
import type { Finding, GuardContext } from './finding.js';
import { findGuardrail } from './findGuardrail.js';

interface Evaluation {
  findings: Finding[];
  guardrail?: Guardrail;
  emergency: boolean;
  sensitive: boolean;
}

function invalidData(errors: readonly Problem[]): Finding {
  const [first, ...rest] = errors as [Problem, ...Problem[]];
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  return {
    rule: 'policy',
    status: 'fail',
    code: 'policy_invalid',
    message: `the policy or grants have errors, so guardrails fail closed: ${formatProblem(first)}${more}; fix them (\`grantops validate\` lists them all)`,
    file: first.file,
    line: first.line,
    col: first.col,
  };
}

/** What happens to an environment without a usable guardrails entry. */
function unguarded(input: GuardInput, ambiguous: string[] | undefined): Evaluation {
  const { policy, environment } = input;
  const at = (path: (string | number)[]): Pick<Finding, 'file' | 'line' | 'col'> => ({
    file: policy.file,
    ...policy.locate(path),
  });
  if (ambiguous) {
    const message = `guardrails entries ${ambiguous.join(' and ')} both name environment ${environment} (names are case-insensitive): keep one in ${policy.file}`;
    return {
      findings: [{ rule: 'policy', status: 'fail', code: 'policy_invalid', message, ...at(['guardrails']) }],
      emergency: false,
      sensitive: false,
    };
  }
  if (policy.data.settings?.unlisted_environments === 'allow') {
    const message = `${environment} has no guardrails entry; settings.unlisted_environments: allow lets it deploy unguarded`;
    const finding: Finding = {
      rule: 'policy',
      status: 'pass',
      code: 'environment_unlisted_allowed',
      message,
      ...at(['settings', 'unlisted_environments']),
    };
    return { findings: [finding], emergency: false, sensitive: false };
  }
  const message = `${environment} has no guardrails entry in ${policy.file}, and unlisted environments are blocked: add guardrails.${environment} (even \`{}\`), or set settings.unlisted_environments: allow`;
  return {
    findings: [
      { rule: 'policy', status: 'fail', code: 'environment_unlisted', message, ...at(['guardrails']) },
    ],
    emergency: false,
    sensitive: false,
  };
}

function evaluate(input: GuardInput): Evaluation {
  const errors = (input.dataProblems ?? []).filter((p) => p.severity === 'error');
  if (errors.length > 0) return { findings: [invalidData(errors)], emergency: false, sensitive: false };
  const lookup = findGuardrail(input.policy.data, input.environment);
  if (lookup.kind !== 'found') return unguarded(input, lookup.kind === 'ambiguous' ? lookup.keys : undefined);
  const { key, guardrail } = lookup;
  const ctx: GuardContext = {
    input,
    policy: input.policy.data,
    guardrail,
    envKey: key,
    locate: (path) => ({ file: input.policy.file, ...input.policy.locate(['guardrails', key, ...path]) }),
  };
  const listed: Finding = {
    rule: 'policy',
    status: 'pass',
    code: 'environment_listed',
    message: `guardrails.${key} of ${input.policy.file} applies to ${input.environment}`,
    ...ctx.locate([]),
  };
  const grant = checkGrant(ctx);
  const commands = checkCommands(ctx);
  const findings = [
    listed,
    ...grant.findings,
    ...commands.findings,
    ...checkFreeze(ctx),
    ...checkMaxDeploys(ctx),
    ...checkTerraform(ctx),
  ];
  return { findings, guardrail, emergency: grant.emergency, sensitive: commands.sensitive.length > 0 };
}

/**
 * Decides whether a deploy may go ahead: checks the policy, the environment's guardrail entry, the
 * grants of the actor (and triggering actor), the commands, freeze windows, the deploy rate and the
 * Terraform plan at `now`. Pure and fail-closed: missing or unreadable data blocks. The result is the
 * data the Action, `grantops check --json` and the App's protection rule all render.
 */
export function decideGuardrails(input: GuardInput): Decision {
  const { findings, guardrail, emergency, sensitive } = evaluate(input);
  const rules = findings.map((finding) => finalizeOutcome(finding, { guardrail, emergency }));
  const failed = rules.find((rule) => rule.outcome === 'fail');
  const allowed = failed === undefined;
  return {
    schema_version: 1,
    decision: allowed ? 'allowed' : 'blocked',
    allowed,
    reason_code: failed?.code ?? 'allowed',
    environment: input.environment,
    actor: input.actor,
    at: formatUtc(input.now),
    emergency,
    rules,
    alerts: collectAlerts({ guardrail, allowed, sensitive, emergency }),
  };
}
