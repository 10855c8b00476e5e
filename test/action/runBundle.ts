import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE = join(import.meta.dirname, '..', '..', 'action', 'dist', 'index.js');

/** What one run of the bundle left behind, read the way the runner reads it. */
export interface BundleRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses GITHUB_OUTPUT: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const end = lines.indexOf(m[2] as string, i + 1);
    outputs[m[1] as string] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/**
 * Runs `node action/dist/index.js` as a runner does: inputs as `INPUT_<NAME>` variables (upper
 * case, hyphens kept), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the workspace as cwd, and no
 * variable of the test's own environment except PATH and HOME.
 */
export async function runBundle(params: {
  workspace: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
  /** The entry to run; action/dist/index.js unless a test runs a copy. */
  bundle?: string;
}): Promise<BundleRun> {
  const bundle = params.bundle ?? BUNDLE;
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build:action\``);
  const outputFile = join(params.workspace, '.github_output');
  const summaryFile = join(params.workspace, '.github_step_summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...params.env,
  };
  for (const [name, value] of Object.entries(params.inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(process.execPath, [bundle], { cwd: params.workspace, env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    },
  );
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}
