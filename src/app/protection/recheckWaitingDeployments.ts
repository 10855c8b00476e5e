import type { Logger } from 'pino';
import type { SchemaValidator } from '../../config/schemaValidator.js';
import type { RecordSeal } from '../../core/lifecycle/index.js';
import type { RepoId } from '../../github/port.js';
import type { ProtectionPort, RunRef, WaitingRun } from '../../github/protection/protectionPort.js';
import { loadGuardData, type LoadedGuardData } from './loadGuardData.js';
import type { History } from './decideDeployment.js';
import { readReleases } from './readReleases.js';
import { recheckRun, type RunRecheck, type SweepShared } from './recheckRun.js';

/** What the sweep passes for one repository of one installation. */
export interface RecheckParams {
  /** The installation's port (createOctokitProtectionPort of its Octokit). */
  port: ProtectionPort;
  /** The repository whose waiting runs are checked. */
  repo: RepoId;
  /** The grants repository (resolveGrantsRepo of the setting and the installation's account). */
  grantsRepo: RepoId;
  /** This App's id: only environments guarded by its rule are answered. */
  appId: number;
  /** Checks the seal of grant records (AppDeps.seal). */
  seal: RecordSeal;
  now: number;
  validator: SchemaValidator;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Most waiting runs read per repository (newest first; default 30, at most 100). */
  maxRuns?: number;
}

/** What one recheck did, and when to come back. */
export interface RecheckResult {
  /** One entry per environment of a waiting run that this App guards. */
  rechecked: RunRecheck[];
  /** Runs or environments that could not be decided this time (the next sweep tries again). */
  failures: { runId: number; environment?: string; error: Error }[];
  /**
   * The earliest end of a freeze holding a deployment here (epoch ms): the sweep can arm a timer for
   * it. Undefined when nothing is held.
   */
  nextCheckAt: number | undefined;
}

/**
 * Per-call memos (no module state): the grants are read once, each grant record once, and per
 * environment its rules and its deploy history once, with the approvals made so far.
 */
function memos(params: RecheckParams, runs: readonly WaitingRun[]) {
  let data: Promise<LoadedGuardData> | undefined;
  const guarded = new Map<string, Promise<boolean>>();
  const shared = new Map<string, SweepShared>();
  const records = new Map<string, Promise<boolean>>();
  const loadData = () => (data ??= loadGuardData(params));
  // A run's deployments are of its head commit and created after its attempt started.
  const waiting = (d: { sha: string; createdAt: number }) =>
    runs.some((r) => d.sha === r.headSha && d.createdAt >= r.startedAt);
  return {
    data: loadData,
    shared: (environment: string): SweepShared => {
      const key = environment.toLowerCase();
      let entry = shared.get(key);
      if (!entry) {
        let history: Promise<History> | undefined;
        entry = {
          grantsRepo: params.grantsRepo,
          seal: params.seal,
          history: async () =>
            (history ??= loadData().then((loaded) =>
              readReleases({ ...params, data: loaded, environment, waiting }),
            )),
          released: [],
          records,
        };
        shared.set(key, entry);
      }
      return entry;
    },
    guarded: (environment: string) => {
      const key = environment.toLowerCase();
      const known =
        guarded.get(key) ??
        params.port
          .listProtectionRuleApps(params.repo, environment)
          .then((ids) => ids.includes(params.appId));
      guarded.set(key, known);
      return known;
    },
  };
}

async function recheckOne(
  params: RecheckParams,
  memo: ReturnType<typeof memos>,
  run: WaitingRun,
  result: RecheckResult,
) {
  const ref: RunRef = { repo: params.repo, runId: run.id };
  for (const environment of await params.port.listPendingEnvironments(ref)) {
    try {
      if (!(await memo.guarded(environment))) continue;
      const data = await memo.data();
      const shared = memo.shared(environment);
      result.rechecked.push(await recheckRun({ ...params, data, run, environment, shared }));
    } catch (error) {
      result.failures.push({ runId: run.id, environment, error: error as Error });
    }
  }
}

/**
 * One sweep of a repository's deployments waiting on this App's protection rule, oldest first:
 * each is decided again at `now` and approved when its freeze has ended and max_deploys has a slot
 * (counting the approvals of this sweep and, from deployment statuses, earlier releases), rejected
 * when something else now fails (an expired grant, a changed policy), or left waiting until the
 * freeze ends or the next slot frees. Stateless and idempotent: GitHub's waiting runs are the
 * state, an answered rule refuses a second answer, and a hold is reported once. Calls: 1 list of
 * waiting runs, then per run 1 pending-deployments read, per environment 1 rules read, and only
 * when something waits on this App 1 grants read, 1 record read per grant in force of a deployer,
 * and when max_deploys is set 1 history read per environment (plus the statuses of deployments
 * requested during a freeze that no longer wait, see readReleases). One run never stops the others: its failure is returned and
 * logged. Throws only when the waiting runs cannot be listed (the sweep logs it and moves on).
 */
export async function recheckWaitingDeployments(params: RecheckParams): Promise<RecheckResult> {
  const result: RecheckResult = { rechecked: [], failures: [], nextCheckAt: undefined };
  const listed = await params.port.listWaitingRuns(params.repo, Math.min(params.maxRuns ?? 30, 100));
  // Oldest first: when a deploy limit lets only some go out, the ones waiting longest go first.
  const runs = [...listed].sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
  const memo = memos(params, runs);
  for (const run of runs) {
    try {
      await recheckOne(params, memo, run, result);
    } catch (error) {
      result.failures.push({ runId: run.id, error: error as Error });
    }
  }
  for (const failure of result.failures)
    params.log.error(
      {
        err: failure.error,
        repo: `${params.repo.owner}/${params.repo.repo}`,
        run: failure.runId,
        environment: failure.environment,
      },
      `recheck of waiting run ${failure.runId} failed; the next sweep tries again`,
    );
  const ends = result.rechecked.flatMap((r) => (r.until === undefined ? [] : [r.until]));
  result.nextCheckAt = ends.length > 0 ? Math.min(...ends) : undefined;
  return result;
}
