import { execFile, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as nodeModule from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { startFakeGitHubApi } from './fakeGitHubApi.js';

/**
 * The Action's figures for BENCHMARKS.md, from one run on one machine:
 * - cold start: `node action/dist/index.js` from process start to exit (outputs and summary written),
 *   reading the example grants repo from a checkout (no API call), as on a GitHub-hosted runner
 *   (`RUNNER_ENVIRONMENT=github-hosted`: no compile cache), against `node -e 0` (the target's
 *   baseline) and an empty ES module (the floor of any ESM Action) in the same run, alternating
 *   the three so load on the machine hits all alike; medians and ratios;
 * - where Node has a compile cache (22.1+), also the start with a warm cache, as on a self-hosted
 *   runner that ran the Action before;
 * - the floor the stack sets: a bundle of nothing but the `yaml` build the Action bundles, parsing the
 *   same files (access.yml and every grant file), and that plus the process's first
 *   `Intl.DateTimeFormat` (which freeze windows and time zones need), in the same alternating runs;
 * - the bundle's size: all of action/dist, and what a check of a checkout loads;
 * - API requests per check in API mode, counted by a loopback stand-in for GitHub.
 * `npm run build && node dist/bench/actionColdStart.js [RUNS]` (RUNS defaults to 40). The last line
 * is the figures as JSON.
 */

function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'action', 'action.yml'))) return dir;
  throw new Error(`bench/actionColdStart: no action/action.yml above ${from}`);
}

const root = findRoot(import.meta.dirname);
const DIST = join(root, 'action', 'dist');
const BUNDLE = join(DIST, 'index.js');
const RUNS = Number(process.argv[2] ?? process.env.BENCH_ACTION_RUNS ?? 40);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** A workspace with the example grants repo at grants/ and alice's staging grant, valid now. */
function makeWorkspace(): { dir: string; files: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'grantops-action-bench-'));
  cpSync(join(root, 'examples', 'grants-repo'), join(dir, 'grants'), { recursive: true });
  const grant = `grantee: alice\nresource: deploy-staging\nreason: "Benchmark: cold start of the Action"\nexpires: ${iso(Date.now() + 4 * 3_600_000)}\n`;
  writeFileSync(join(dir, 'grants', 'grants', 'deploy-staging', 'alice.yml'), grant);
  return { dir, files: { 'grants/deploy-staging/alice.yml': grant } };
}

function runnerEnv(dir: string, inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: dir,
    GITHUB_ACTOR: 'alice',
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_SHA: 'a'.repeat(40),
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** CPU time of finished children (all their threads), from /proc on Linux; undefined elsewhere. */
function childCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, in 10 ms clock ticks
}

interface Timing {
  wallMs: number;
  cpuMs: number | undefined;
}

function timed(args: string[], env: Record<string, string> | undefined, cwd: string): Timing {
  const cpu = childCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: env ?? {}, cwd, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const after = childCpuMs();
  if (result.status !== 0)
    throw new Error(`bench/actionColdStart: ${args.join(' ')} exited ${result.status}:\n${result.stdout}`);
  return { wallMs, cpuMs: cpu === undefined || after === undefined ? undefined : after - cpu };
}

/**
 * The floor of the chosen stack: an ES module bundle of `yaml` alone (resolved by the Action's own
 * esbuild plugin, so the same build the Action bundles), parsing with `parseDocument` the files a
 * check of the workspace reads, and nothing else. With `GRANTOPS_FLOOR_INTL=1` it also builds one
 * `Intl.DateTimeFormat` for a time zone, as any check of a policy with time zones does. It exits 1
 * if a file did not parse, so it cannot measure less work than the Action does.
 */
async function buildYamlFloor(dir: string): Promise<string> {
  const plugins = (await import(pathToFileURL(join(root, 'action', 'esbuildPlugins.mjs')).href)) as {
    yamlEsm(root: string): import('esbuild').Plugin;
  };
  const outfile = join(dir, 'yaml-floor.mjs');
  const entry = `
import { LineCounter, parseDocument } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const base = join(process.cwd(), 'grants');
const files = ['access.yml', ...readdirSync(join(base, 'grants'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yml')).map((f) => join('grants', f))];
let errors = 0;
for (const f of files) errors += parseDocument(readFileSync(join(base, f), 'utf8'), { lineCounter: new LineCounter(), uniqueKeys: true, version: '1.2' }).errors.length;
if (process.env.GRANTOPS_FLOOR_INTL) new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hourCycle: 'h23' }).format(0);
if (errors > 0 || files.length < 2) process.exit(1);
`;
  await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'yaml-floor.mjs', loader: 'js' },
    absWorkingDir: root,
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    plugins: [plugins.yamlEsm(root)],
  });
  return outfile;
}

type Times = {
  action: Timing[];
  node: Timing[];
  esm: Timing[];
  yamlFloor: Timing[];
  yamlIntlFloor: Timing[];
  warm?: Timing[];
};

/** Cold starts (local grants) of the bundle, `node -e 0`, an empty ES module and the stack's floors, alternating, after 3 warm-ups each. */
function coldStart(dir: string, floor: string): Times {
  const env = runnerEnv(dir, { environment: 'staging', 'grants-path': 'grants', 'github-token': '' });
  const hosted = { ...env, RUNNER_ENVIRONMENT: 'github-hosted' };
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, '');
  const bundle = (e: Record<string, string>) => () => {
    writeFileSync(env.GITHUB_OUTPUT as string, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY as string, '');
    return timed([BUNDLE], e, dir);
  };
  const runs: Record<string, () => Timing> = {
    action: bundle(hosted),
    node: () => timed(['-e', '0'], { PATH: env.PATH as string }, dir),
    esm: () => timed([empty], { PATH: env.PATH as string }, dir),
    yamlFloor: () => timed([floor], { PATH: env.PATH as string }, dir),
    yamlIntlFloor: () => timed([floor], { PATH: env.PATH as string, GRANTOPS_FLOOR_INTL: '1' }, dir),
  };
  // A self-hosted runner keeps os.tmpdir() between jobs: the warm-ups fill the compile cache.
  if ('enableCompileCache' in nodeModule)
    runs.warm = bundle({ ...env, RUNNER_ENVIRONMENT: 'self-hosted', NODE_COMPILE_CACHE: join(dir, 'cache') });
  const names = Object.keys(runs);
  for (let i = 0; i < 3; i++) for (const name of names) runs[name]!();
  if (!readFileSync(env.GITHUB_OUTPUT as string, 'utf8').includes('\nallowed\n'))
    throw new Error(
      'bench/actionColdStart: the bundle did not allow the staging deploy; is the bundle current?',
    );
  const times: Record<string, Timing[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++)
    for (const name of i % 2 === 0 ? names : [...names].reverse()) times[name]!.push(runs[name]!());
  return times as Times;
}

/**
 * The files of the bundle and the bytes a check of a checkout loads: the entry, the Action's code it
 * imports (its one dynamic import) and their static imports. Further dynamic imports (Octokit, the
 * tarball reader) are taken only in API mode.
 */
function bundleFiles(): { files: number; bytes: number; gzipBytes: number; localBytes: number } {
  const all = (readdirSync(DIST, { recursive: true, encoding: 'utf8' }) as string[])
    .map((path) => join(DIST, path))
    .filter((path) => statSync(path).isFile());
  const loaded = new Set<string>();
  const visit = (file: string, followDynamic: boolean) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    const code = readFileSync(file, 'utf8');
    const specs = [...code.matchAll(/\bfrom\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
    if (followDynamic) specs.push(...[...code.matchAll(/\bimport\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => m[1]!));
    for (const spec of specs) visit(join(dirname(file), spec), false);
  };
  visit(BUNDLE, true);
  const size = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + statSync(f).size, 0);
  return {
    files: all.length,
    bytes: size(all),
    gzipBytes: all.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0),
    localBytes: size(loaded),
  };
}

/** Runs the bundle in API mode against a loopback GitHub and counts the requests of one check. */
async function apiRequests(
  dir: string,
  grant: Record<string, string>,
): Promise<{ api: number; downloads: number }> {
  const files: Record<string, string> = { ...grant };
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, 'grants', rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, 'grants', path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, 'grants', path), 'utf8');
    }
  };
  walk('');
  const server = await startFakeGitHubApi([
    { owner: 'acme', repo: 'access-grants', sha: 'c'.repeat(40), files },
    { owner: 'acme', repo: 'web', sha: 'a'.repeat(40), files: {}, deployments: [] },
  ]);
  try {
    const inputs = {
      environment: 'staging',
      'grants-repo': 'acme/access-grants',
      token: 't',
      'github-token': 't',
    };
    const env = { ...runnerEnv(dir, inputs), GITHUB_API_URL: server.url };
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [BUNDLE], { env, cwd: dir }, (error) => (error ? reject(error) : resolve())),
    );
    const downloads = server.requests.filter((r) => r.url.startsWith('/_codeload/')).length;
    return { api: server.requests.length - downloads, downloads };
  } finally {
    await server.close();
  }
}

/** The figures of one bench run. */
interface Figures {
  actionMs: number;
  nodeMs: number;
  esmMs: number;
  ratio: number;
  esmRatio: number;
  actionCpuMs: number;
  nodeCpuMs: number;
  /** `yaml` alone parsing the same files, and that plus the first Intl.DateTimeFormat. */
  yamlFloorMs: number;
  yamlIntlFloorMs: number;
  /** With a warm compile cache (Node 22.1+ only). */
  warmMs?: number;
  warmRatio?: number;
  runs: number;
  files: number;
  bytes: number;
  gzipBytes: number;
  localBytes: number;
  api: number;
  downloads: number;
}

function print(f: Figures): void {
  console.log(
    `\nAction cold start, ${f.runs} runs each, alternating (process start to outputs written, local grants, as on a GitHub-hosted runner):`,
  );
  console.log(`  node action/dist/index.js: median ${f.actionMs.toFixed(0)} ms`);
  console.log(`  node -e 0:                 median ${f.nodeMs.toFixed(0)} ms`);
  console.log(
    `  node empty.mjs:            median ${f.esmMs.toFixed(0)} ms (${(f.esmMs / f.nodeMs).toFixed(2)}x node -e 0)`,
  );
  console.log(
    `  ratio: ${f.ratio.toFixed(2)}x node -e 0 (target <= 2x) ${f.ratio <= 2 ? 'OK' : 'OVER TARGET'}; ${f.esmRatio.toFixed(2)}x an empty ES module`,
  );
  if (!Number.isNaN(f.actionCpuMs))
    console.log(
      `  CPU time (all threads, 10 ms ticks): median ${f.actionCpuMs} ms vs ${f.nodeCpuMs} ms, ${(f.actionCpuMs / f.nodeCpuMs).toFixed(2)}x`,
    );
  console.log(
    `  the stack's floor: yaml alone parsing the same files: median ${f.yamlFloorMs.toFixed(0)} ms (${(f.yamlFloorMs / f.nodeMs).toFixed(2)}x node -e 0); plus the first Intl.DateTimeFormat: ${f.yamlIntlFloorMs.toFixed(0)} ms (${(f.yamlIntlFloorMs / f.nodeMs).toFixed(2)}x)`,
  );
  if (f.warmMs !== undefined)
    console.log(
      `  with a warm compile cache (self-hosted runner): median ${f.warmMs.toFixed(0)} ms, ${f.warmRatio?.toFixed(2)}x node -e 0`,
    );
  else
    console.log(
      `  with a warm compile cache: not measurable, Node ${process.version} has no module.enableCompileCache`,
    );
  console.log(
    `bundle: ${f.files} files, ${(f.bytes / 1024).toFixed(0)} KiB (${(f.gzipBytes / 1024).toFixed(0)} KiB gzipped); a check of a checkout loads ${(f.localBytes / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `API mode, one check with max_deploys: ${f.api} API requests (target 1-2), plus ${f.downloads} archive download from the tarball redirect`,
  );
  console.log(JSON.stringify(f));
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE))
    throw new Error(`bench/actionColdStart: ${BUNDLE} is missing; run npm run build:action`);
  const model = cpus()[0]?.model ?? 'unknown cpu';
  console.log(
    `machine: ${model} x${cpus().length}, node ${process.version}, ${process.platform}/${process.arch}`,
  );
  const { dir, files } = makeWorkspace();
  try {
    const times = coldStart(dir, await buildYamlFloor(dir));
    const wall = (ts: Timing[]) => median(ts.map((t) => t.wallMs));
    const cpu = (ts: Timing[]) => (ts[0]?.cpuMs === undefined ? NaN : median(ts.map((t) => t.cpuMs ?? NaN)));
    const actionMs = wall(times.action);
    const nodeMs = wall(times.node);
    const esmMs = wall(times.esm);
    const warmMs = times.warm ? wall(times.warm) : undefined;
    print({
      actionMs,
      nodeMs,
      esmMs,
      ratio: actionMs / nodeMs,
      esmRatio: actionMs / esmMs,
      actionCpuMs: cpu(times.action),
      nodeCpuMs: cpu(times.node),
      yamlFloorMs: wall(times.yamlFloor),
      yamlIntlFloorMs: wall(times.yamlIntlFloor),
      ...(warmMs !== undefined ? { warmMs, warmRatio: warmMs / nodeMs } : {}),
      runs: RUNS,
      ...bundleFiles(),
      ...(await apiRequests(dir, files)),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
