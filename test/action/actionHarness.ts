import type { ActionIO } from '../../action/src/actionIO.js';
import type { AnnotationTarget } from '../../action/src/annotationsOf.js';
import { createGitHubClient } from '../../action/src/createGitHubClient.js';
import { run, type ActionDeps } from '../../action/src/main.js';
import type { InputName, OutputName } from '../../action/src/registry.js';
import type { Decision } from '../../src/core/guardrails/index.js';

/** What one in-process run of the Action said to the runner. */
export interface ActionRun {
  outputs: Partial<Record<OutputName, string>>;
  failed: string[];
  errors: { message: string; properties: (AnnotationTarget & { title?: string }) | undefined }[];
  warnings: { message: string; properties: (AnnotationTarget & { title?: string }) | undefined }[];
  info: string[];
  secrets: string[];
  summary: string;
  /** The `result` output, parsed. */
  decision: Decision | undefined;
}

/** Runs the Action's main in-process with inputs as the runner gives them and a recording IO. */
export async function runAction(params: {
  inputs: Partial<Record<InputName, string>>;
  env: Record<string, string>;
  now: string;
  fetch?: typeof fetch;
  createClient?: ActionDeps['createClient'];
}): Promise<ActionRun> {
  const record: ActionRun = {
    outputs: {},
    failed: [],
    errors: [],
    warnings: [],
    info: [],
    secrets: [],
    summary: '',
    decision: undefined,
  };
  const io: ActionIO = {
    getInput: (name) => params.inputs[name] ?? '',
    setOutput: (name, value) => void (record.outputs[name] = value),
    setFailed: (message) => void record.failed.push(message),
    info: (message) => void record.info.push(message),
    warning: (message, properties) => void record.warnings.push({ message, properties }),
    error: (message, properties) => void record.errors.push({ message, properties }),
    setSecret: (secret) => void record.secrets.push(secret),
    writeSummary: async (markdown) => void (record.summary += markdown),
  };
  await run({
    io,
    env: params.env,
    cwd: params.env.GITHUB_WORKSPACE ?? process.cwd(),
    now: () => Date.parse(params.now),
    fetch: params.fetch ?? (() => Promise.reject(new Error('no network in this test'))),
    createClient: params.createClient ?? createGitHubClient,
  });
  if (record.outputs.result) record.decision = JSON.parse(record.outputs.result) as Decision;
  return record;
}
