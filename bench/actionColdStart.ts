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
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startFakeGitHubApi } from './fakeGitHubApi.js';

/**
 * The Action's figures for BENCHMARKS.md, from one run on one machine:
 * - cold start: `node action/dist/index.js` from process start to exit (outputs and summary written),
 *   reading the example grants repo from a checkout (no API call), against `node -e 0` in the same
 *   run, alternating the two so load on the machine hits both alike; medians and their ratio;
 * - the bundle's size;
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
const BUNDLE = join(root, 'action', 'dist', 'index.js');
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

/** Cold start of the bundle (local grants) and of `node -e 0`, alternating, after 3 warm-ups each. */
function coldStart(dir: string): { action: Timing[]; node: Timing[] } {
  const env = runnerEnv(dir, { environment: 'staging', 'grants-path': 'grants', 'github-token': '' });
  const action = () => {
    writeFileSync(env.GITHUB_OUTPUT as string, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY as string, '');
    return timed([BUNDLE], env, dir);
  };
  const node = () => timed(['-e', '0'], { PATH: env.PATH as string }, dir);
  for (let i = 0; i < 3; i++) {
    action();
    node();
  }
  if (!readFileSync(env.GITHUB_OUTPUT as string, 'utf8').includes('\nallowed\n'))
    throw new Error(
      'bench/actionColdStart: the bundle did not allow the staging deploy; is the bundle current?',
    );
  const times = { action: [] as Timing[], node: [] as Timing[] };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      times.action.push(action());
      times.node.push(node());
    } else {
      times.node.push(node());
      times.action.push(action());
    }
  }
  return times;
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
  ratio: number;
  actionCpuMs: number;
  nodeCpuMs: number;
  runs: number;
  bytes: number;
  gzipBytes: number;
  api: number;
  downloads: number;
}

function print(f: Figures): void {
  console.log(
    `\nAction cold start, ${f.runs} runs each, alternating (process start to outputs written, local grants):`,
  );
  console.log(`  node action/dist/index.js: median ${f.actionMs.toFixed(0)} ms`);
  console.log(`  node -e 0:                 median ${f.nodeMs.toFixed(0)} ms`);
  console.log(`  ratio: ${f.ratio.toFixed(2)}x (target <= 2x) ${f.ratio <= 2 ? 'OK' : 'OVER TARGET'}`);
  if (!Number.isNaN(f.actionCpuMs))
    console.log(
      `  CPU time (all threads, 10 ms ticks): median ${f.actionCpuMs} ms vs ${f.nodeCpuMs} ms, ${(f.actionCpuMs / f.nodeCpuMs).toFixed(2)}x`,
    );
  console.log(`bundle: ${(f.bytes / 1024).toFixed(0)} KiB (${(f.gzipBytes / 1024).toFixed(0)} KiB gzipped)`);
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
    const times = coldStart(dir);
    const wall = (ts: Timing[]) => median(ts.map((t) => t.wallMs));
    const cpu = (ts: Timing[]) => (ts[0]?.cpuMs === undefined ? NaN : median(ts.map((t) => t.cpuMs ?? NaN)));
    const actionMs = wall(times.action);
    const nodeMs = wall(times.node);
    print({
      actionMs,
      nodeMs,
      ratio: actionMs / nodeMs,
      actionCpuMs: cpu(times.action),
      nodeCpuMs: cpu(times.node),
      runs: RUNS,
      bytes: statSync(BUNDLE).size,
      gzipBytes: gzipSync(readFileSync(BUNDLE)).length,
      ...(await apiRequests(dir, files)),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
