import { resolve } from 'node:path';
import { decideGuardrails } from '../../core/guardrails/index.js';
import { EXIT, UsageError, type CliContext } from '../cliContext.js';
import { guardDataOf } from '../guardDataOf.js';
import { loadCheckout } from '../loadCheckout.js';
import { parseOptions, resolveNow } from '../parseOptions.js';
import { deploymentsFileHint, readDeploymentsFile } from '../readDeploymentsFile.js';
import { readJsonFile } from '../readJsonFile.js';
import { renderDecision } from '../renderDecision.js';
import { displayPath } from './validate.js';

/** The usage line of `grantops check`, shown with usage errors and in the help. */
export const checkUsage =
  'grantops check --environment ENV --actor LOGIN [--triggering-actor LOGIN] [--dir DIR] [--command CMD]... [--terraform-plan FILE] [--deployments-file FILE] [--at TIME] [--json]';

const OPTIONS = {
  environment: { type: 'string' },
  actor: { type: 'string' },
  'triggering-actor': { type: 'string' },
  dir: { type: 'string' },
  command: { type: 'string', multiple: true },
  'terraform-plan': { type: 'string' },
  'deployments-file': { type: 'string' },
  at: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function required(value: string | undefined, flag: string, example: string): string {
  if (value === undefined || value.trim() === '')
    throw new UsageError(`${flag} is required, e.g. ${flag} ${example}`);
  return value;
}

/**
 * `grantops check`: the guardrail decision the Action makes, from a grants-repo checkout. Exit 0
 * when allowed, 1 when blocked, 2 on usage or I/O errors. `--json` prints the decision object as the
 * engine returns it. The deployment history for max_deploys comes from `--deployments-file`.
 */
export async function check(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}": give the grants repo with --dir DIR`);
  const environment = required(values.environment, '--environment', 'production');
  const actor = required(values.actor, '--actor', 'octocat');
  const now = resolveNow(values.at, context);
  const dir = values.dir ?? '.';
  const at = (file: string) => resolve(context.cwd, file);
  const repo = await loadCheckout(at(dir));
  const data = guardDataOf({ repo, now });
  const planFile = values['terraform-plan'];
  const historyFile = values['deployments-file'];
  const decision = decideGuardrails({
    policy: data.policy,
    grants: data.grants,
    dataProblems: data.dataProblems,
    environment,
    actor,
    ...(values['triggering-actor'] ? { triggeringActor: values['triggering-actor'] } : {}),
    commands: values.command ?? [],
    ...(planFile ? { terraformPlan: await readJsonFile(at(planFile), '--terraform-plan') } : {}),
    ...(historyFile ? { deployments: await readDeploymentsFile(at(historyFile), environment) } : {}),
    now,
  });
  const hints =
    !historyFile && decision.rules.some((r) => r.code === 'deploy_history_unavailable')
      ? [
          `max_deploys needs the deployment history: pass --deployments-file FILE, a JSON array of {"created_at": ...}, e.g. ${deploymentsFileHint(environment)}`,
        ]
      : [];
  const exit = decision.allowed ? EXIT.ok : EXIT.problem;
  if (values.json) {
    context.stdout(`${JSON.stringify(decision, null, 2)}\n`);
    for (const hint of hints) context.stderr(`grantops check: hint: ${hint}\n`);
    return exit;
  }
  const where = (o: { file?: string; line?: number; col?: number }) =>
    o.file ? `${displayPath(context.cwd, dir, o.file)}:${o.line ?? 1}:${o.col ?? 1}` : '-';
  context.stdout(renderDecision(decision, where, { ignoredGrantFiles: data.ignoredGrantFiles, hints }));
  return exit;
}
