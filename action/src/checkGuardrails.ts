import { resolve } from 'node:path';
import { guardDataOf } from '../../src/cli/guardDataOf.js';
import { readJsonFile } from '../../src/cli/readJsonFile.js';
import { decideGuardrails, type Decision } from '../../src/core/guardrails/index.js';
import { findGuardrail } from '../../src/core/guardrails/findGuardrail.js';
import { parseDuration } from '../../src/core/time/index.js';
import type { Guardrail } from '../../src/core/types.js';
import type { GitHubClient } from './createGitHubClient.js';
import { loadGrants } from './loadGrants.js';
import type { ActionInputs } from './readInputs.js';
import { readDeployHistory, type DeployHistory } from './readDeployHistory.js';
import type { RunnerContext } from './runnerContext.js';

/** The decision and what the report around it needs. */
export interface CheckResult {
  decision: Decision;
  /** The environment's guardrail entry, when the policy could be read (for alerts). */
  guardrail: Guardrail | undefined;
  /** The grants path or owner/repo@sha that was read. */
  grantsLabel: string;
  ignoredGrantFiles: string[];
  /** Why some data was missing, and how to give it. */
  notes: string[];
  /** API requests sent (0 with a local checkout and no max_deploys). */
  apiRequests: number;
}

async function readPlan(inputs: ActionInputs, workspace: string, notes: string[]): Promise<unknown> {
  if (inputs.terraformPlan === undefined) return undefined;
  try {
    return await readJsonFile(resolve(workspace, inputs.terraformPlan), 'terraform-plan');
  } catch (error) {
    notes.push(`${(error as Error).message}; write it with \`terraform show -json plan.tfplan > plan.json\``);
    // Something the engine cannot read as a plan: with terraform limits set the rule fails closed.
    return `unreadable terraform-plan ${inputs.terraformPlan}`;
  }
}

async function history(
  params: Parameters<typeof checkGuardrails>[0],
  guardrail: Guardrail | undefined,
  client: (token: string) => Promise<GitHubClient>,
): Promise<DeployHistory> {
  const limit = guardrail?.max_deploys;
  const perMs = limit ? parseDuration(limit.per) : undefined;
  // Without max_deploys (or with one the engine will reject anyway) no history is read.
  if (!limit || perMs === undefined) return { deployments: undefined };
  const { inputs, runner, now } = params;
  return readDeployHistory({
    client,
    githubToken: inputs.githubToken,
    runner,
    environment: inputs.environment,
    limit: { count: limit.count, perMs },
    now,
  });
}

/**
 * The Action's logic: reads the grants (checkout or API), the deployment history when max_deploys
 * needs it, the commands and the plan, and asks the engine at `now` for the actor and, on re-runs,
 * the triggering actor. Never throws for missing or unreadable data: the decision blocks instead.
 */
export async function checkGuardrails(params: {
  inputs: ActionInputs;
  runner: RunnerContext;
  now: number;
  createClient: (options: { token: string; baseUrl: string }) => Promise<GitHubClient>;
}): Promise<CheckResult> {
  const { inputs, runner, now } = params;
  const clients = new Map<string, Promise<GitHubClient>>();
  const client = (token: string): Promise<GitHubClient> => {
    const made = clients.get(token) ?? params.createClient({ token, baseUrl: runner.apiUrl });
    clients.set(token, made);
    return made;
  };
  const loaded = await loadGrants(inputs.source, { workspace: runner.workspace, client });
  const data = guardDataOf({ repo: loaded.repo, now, readProblems: loaded.readProblems });
  const lookup = loaded.repo?.policy ? findGuardrail(data.policy.data, inputs.environment) : undefined;
  const guardrail = lookup?.kind === 'found' ? lookup.guardrail : undefined;
  const notes: string[] = [];
  const past = await history(params, guardrail, client);
  if (past.problem) notes.push(past.problem);
  const terraformPlan = await readPlan(inputs, runner.workspace, notes);
  const decision = decideGuardrails({
    policy: data.policy,
    grants: data.grants,
    dataProblems: data.dataProblems,
    environment: inputs.environment,
    actor: runner.actor,
    ...(runner.triggeringActor ? { triggeringActor: runner.triggeringActor } : {}),
    commands: inputs.commands,
    ...(terraformPlan !== undefined ? { terraformPlan } : {}),
    ...(past.deployments ? { deployments: past.deployments } : {}),
    now,
  });
  let apiRequests = 0;
  for (const made of clients.values()) apiRequests += (await made.catch(() => undefined))?.requests() ?? 0;
  return {
    decision,
    guardrail,
    grantsLabel: loaded.label,
    ignoredGrantFiles: data.ignoredGrantFiles,
    notes,
    apiRequests,
  };
}
