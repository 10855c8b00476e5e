import type { Logger } from 'pino';
import { activeFreeze } from '../../core/guardrails/index.js';
import { findGuardrail } from '../../core/guardrails/findGuardrail.js';
import type { RepoId } from '../../github/port.js';
import type { ProtectionPort, RunRef, WaitingRun } from '../../github/protection/protectionPort.js';
import type { RecordSeal } from '../../core/lifecycle/index.js';
import { decideDeployment, type History } from './decideDeployment.js';
import { deliverVerdict, type Delivery } from './deliverVerdict.js';
import type { LoadedGuardData } from './loadGuardData.js';
import type { RecordMemo } from './readAppliedGrants.js';
import type { Verdict } from './verdictOf.js';

/** What the sweep did for one environment of one waiting run. */
export interface RunRecheck {
  runId: number;
  environment: string;
  verdict: Verdict['kind'];
  delivery: Delivery;
  /** For a hold: when the freeze ends (epoch ms). */
  until?: number;
}

/**
 * True when the hold ending at `until` is the one in force when the deployment was requested: the
 * webhook handler announced that one, so the sweep stays silent without reading the run's history.
 */
function announcedAtRequest(
  data: LoadedGuardData,
  environment: string,
  heldSince: number,
  until: number,
): boolean {
  const lookup = findGuardrail(data.policy.data, environment);
  if (lookup.kind !== 'found') return false;
  const windows = lookup.guardrail.freeze ?? [];
  const defaultZone = data.policy.data.defaults?.timezone;
  return activeFreeze({ windows, defaultZone, at: heldSince })?.end === until;
}

/** What the sweep shares between the runs of one repository and environment. */
export interface SweepShared {
  grantsRepo: RepoId;
  seal: RecordSeal;
  /** The environment's deploy history, read once per sweep. */
  history: () => Promise<History>;
  /** Approvals this sweep made for the environment so far (epoch ms); an approval is added here. */
  released: number[];
  records: RecordMemo;
}

/**
 * Decides one environment of a waiting run again at `now` and answers: approve once the freeze is
 * over and a deploy slot is free (counting the approvals this sweep already made), reject when
 * something else now fails, or keep holding (until the freeze ends or the next slot frees),
 * reporting only a hold that was not
 * announced when the deployment was requested: one whose end differs from the end of the freeze in
 * force then (a window that began after a gap the sweep missed). A policy edit that moves the end
 * of the same freeze is not announced again; the final answer carries the times.
 */
export async function recheckRun(params: {
  port: ProtectionPort;
  data: LoadedGuardData;
  repo: RepoId;
  run: WaitingRun;
  environment: string;
  now: number;
  shared: SweepShared;
  log: Pick<Logger, 'info' | 'warn'>;
}): Promise<RunRecheck> {
  const { port, data, repo, run, environment, now, shared, log } = params;
  const actor = run.actor ?? run.triggeringActor;
  if (!actor)
    throw new Error(`grantops: run ${run.id} of ${repo.owner}/${repo.repo} names no actor to decide for`);
  const triggeringActor =
    run.triggeringActor && run.triggeringActor.toLowerCase() !== actor.toLowerCase()
      ? run.triggeringActor
      : undefined;
  const { decision, verdict, own } = await decideDeployment({
    port,
    data,
    grantsRepo: shared.grantsRepo,
    seal: shared.seal,
    history: shared.history,
    extraReleases: [...shared.released],
    records: shared.records,
    holdForLimit: true,
    repo,
    environment,
    actor,
    ...(triggeringActor ? { triggeringActor } : {}),
    now,
    // A run's deployments are of its head commit and created after its attempt started.
    isOwnDeployment: (d) => d.sha === run.headSha && d.createdAt >= run.startedAt,
    log,
  });
  const heldSince = Math.max(run.startedAt, ...own.map((d) => d.createdAt));
  const announce =
    verdict.kind === 'hold' && !announcedAtRequest(data, environment, heldSince, verdict.until);
  const ref: RunRef = { repo, runId: run.id };
  // Counted before the answer: if the call fails after GitHub took it, the slot stays taken.
  if (verdict.kind === 'approve') shared.released.push(now);
  const delivery = await deliverVerdict({ port, run: ref, environment, decision, verdict, announce, log });
  return {
    runId: run.id,
    environment,
    verdict: verdict.kind,
    delivery,
    ...(verdict.kind === 'hold' ? { until: verdict.until } : {}),
  };
}
