import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { renderDecision } from '../../src/cli/renderDecision.js';
import type { RuleOutcome } from '../../src/core/guardrails/index.js';
import { coreIO, type ActionIO } from './actionIO.js';
import { annotationsOf, type AnnotationTarget } from './annotationsOf.js';
import { checkGuardrails, type CheckResult } from './checkGuardrails.js';
import { createGitHubClient, type GitHubClient } from './createGitHubClient.js';
import { InputError, readInputs, readMode, type ActionInputs } from './readInputs.js';
import { readRunnerContext, type RunnerContext } from './runnerContext.js';
import { renderSummary } from './renderSummary.js';
import { sendAlerts } from './sendAlerts.js';

/** What the Action touches, passed in so tests can run it in-process. */
export interface ActionDeps {
  io: ActionIO;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: () => number;
  fetch: typeof fetch;
  createClient: (options: { token: string; baseUrl: string }) => Promise<GitHubClient>;
}

/** Points outcomes at files of the workspace: only for a checkout, and only when the file is there. */
function targetOf(inputs: ActionInputs, runner: RunnerContext): (o: RuleOutcome) => AnnotationTarget {
  return (o) => {
    if (inputs.source.kind !== 'path' || !o.file) return {};
    const path = resolve(runner.workspace, inputs.source.path, o.file);
    if (!existsSync(path)) return {};
    const file = relative(runner.workspace, path);
    if (file.startsWith('..') || isAbsolute(file)) return {};
    return { file, startLine: o.line ?? 1, startColumn: o.col ?? 1 };
  };
}

function whereOf(
  inputs: ActionInputs,
  target: (o: RuleOutcome) => AnnotationTarget,
): (o: RuleOutcome) => string {
  return (o) => {
    if (!o.file) return '-';
    const local = target(o).file;
    const file =
      local ??
      (inputs.source.kind === 'api' ? `${inputs.source.owner}/${inputs.source.repo}:${o.file}` : o.file);
    return `${file}:${o.line ?? 1}:${o.col ?? 1}`;
  };
}

async function report(
  deps: ActionDeps,
  inputs: ActionInputs,
  runner: RunnerContext,
  result: CheckResult,
): Promise<void> {
  const { io } = deps;
  const { decision } = result;
  io.setOutput('decision', decision.decision);
  io.setOutput('reason_code', decision.reason_code);
  io.setOutput('result', JSON.stringify(decision));
  const target = targetOf(inputs, runner);
  const where = whereOf(inputs, target);
  io.info(
    renderDecision(decision, where, { ignoredGrantFiles: result.ignoredGrantFiles, hints: result.notes }),
  );
  for (const a of annotationsOf(decision, { mode: inputs.mode, target }))
    io[a.level](a.message, { title: a.title, ...a.properties });
  const summary = renderSummary(result, {
    mode: inputs.mode,
    where,
    ...(runner.triggeringActor ? { triggeringActor: runner.triggeringActor } : {}),
  });
  await io
    .writeSummary(summary)
    .catch((error: unknown) =>
      io.warning(`the job summary could not be written: ${(error as Error).message}`),
    );
  await sendAlerts({
    decision,
    guardrail: result.guardrail,
    env: deps.env,
    runUrl: runner.runUrl,
    fetch: deps.fetch,
    warn: (m) => io.warning(m),
    info: (m) => io.info(m),
    mask: (s) => io.setSecret(s),
  });
}

function conclude(io: ActionIO, mode: 'enforce' | 'warn', message: string): void {
  if (mode === 'enforce') io.setFailed(message);
  else io.warning(`${message} (mode: warn, so the step does not fail)`);
}

/**
 * The Action's main: reads the inputs and the runner's variables, checks the guardrails now, sets
 * `decision`, `reason_code` and `result`, writes the log table, annotations, job summary and alerts,
 * and fails the step when the deploy is blocked in enforce mode. In warn mode it never fails.
 * It never throws: unusable inputs and unexpected errors fail the step (warn in warn mode) with
 * `decision` set to blocked, so a later `if: steps.x.outputs.decision == 'allowed'` stays closed.
 */
export async function run(deps: ActionDeps = defaultDeps()): Promise<void> {
  const { io } = deps;
  let mode: 'enforce' | 'warn' = 'enforce';
  try {
    mode = readMode((name) => io.getInput(name));
    const inputs = readInputs((name) => io.getInput(name));
    if (inputs.source.kind === 'api') io.setSecret(inputs.source.token);
    const runner = readRunnerContext(deps.env, deps.cwd);
    const result = await checkGuardrails({
      inputs,
      runner,
      now: deps.now(),
      createClient: deps.createClient,
    });
    await report(deps, inputs, runner, result);
    const { decision } = result;
    if (!decision.allowed) {
      const first = decision.rules.find((r) => r.outcome === 'fail');
      const verb = mode === 'enforce' ? 'blocked' : 'would block';
      const message = `grantops ${verb} the deploy to ${decision.environment}: ${decision.reason_code}: ${first?.message ?? ''}`;
      conclude(io, mode, message);
    }
  } catch (error) {
    io.setOutput('decision', 'blocked');
    const message =
      error instanceof InputError
        ? `grantops: ${error.message}`
        : `grantops: unexpected error, the deploy is blocked: ${(error as Error).stack ?? String(error)}`;
    conclude(io, mode, message);
  }
}

/** The real runner: @actions/core, the process environment, the clock, fetch and Octokit. */
export function defaultDeps(): ActionDeps {
  return {
    io: coreIO(),
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init),
    createClient: createGitHubClient,
  };
}
