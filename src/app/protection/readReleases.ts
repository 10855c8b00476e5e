import type { Logger } from 'pino';
import { activeFreeze } from '../../core/guardrails/index.js';
import { findGuardrail } from '../../core/guardrails/findGuardrail.js';
import { parseDuration } from '../../core/time/index.js';
import { GitHubError } from '../../github/githubError.js';
import type { DeploymentRecord } from '../../github/listDeployments.js';
import type { RepoId } from '../../github/port.js';
import type { DeploymentStatusRecord, ProtectionPort } from '../../github/protection/index.js';
import type { LoadedGuardData } from './loadGuardData.js';

/** A deployment and when it counts against max_deploys: when it went out (undefined: still held). */
export interface Release {
  deployment: DeploymentRecord;
  releasedAt: number | undefined;
}

/** GitHub fails a job that waits on an environment's protection rules for 30 days. */
const MAX_WAIT_MS = 30 * 24 * 3600 * 1000;
/** Most status reads for one history: the statuses of held deployments, newest first. */
export const MAX_STATUS_READS = 10;

/** When a held deployment went out: its first status past `waiting` (GitHub then queues the job). */
export function releaseTime(statuses: readonly DeploymentStatusRecord[]): number | undefined {
  const out = statuses.filter((s) => s.state !== 'waiting' && s.state !== 'pending');
  return out.length > 0 ? Math.min(...out.map((s) => s.createdAt)) : undefined;
}

/** The environment's limit and freezes, or undefined when max_deploys is not set (or unusable). */
function limitOf(data: LoadedGuardData, environment: string) {
  if (data.dataProblems.some((p) => p.severity === 'error')) return undefined;
  const lookup = findGuardrail(data.policy.data, environment);
  if (lookup.kind !== 'found' || !lookup.guardrail.max_deploys) return undefined;
  const per = parseDuration(lookup.guardrail.max_deploys.per);
  if (per === undefined) return undefined;
  const windows = lookup.guardrail.freeze ?? [];
  const defaultZone = data.policy.data.defaults?.timezone;
  const freezeEnd = (at: number) => activeFreeze({ windows, defaultZone, at })?.end;
  return { count: lookup.guardrail.max_deploys.count, per, freezeEnd };
}

/**
 * The deploy history max_deploys counts, each deployment at the time it went out. GitHub stamps a
 * deployment when it is requested; one requested during a freeze was held by this rule and went
 * out later, so it counts from its release, read from its statuses (1 call each): the first status
 * past `waiting`, or not at all while it still waits. The sweep releases held deployments oldest
 * first, so statuses are read newest first and reading stops at the first release before the
 * window (older ones went out earlier), once `count + 1` releases in the window are known, or after
 * {@link MAX_STATUS_READS} reads (the rest count from their freeze's end, the earliest they could
 * have gone out). A deployment requested outside a freeze counts from its creation. `waiting` names
 * deployments known to still wait (the sweep knows its waiting runs): held ones are then not read,
 * and not counted. Undefined when
 * max_deploys is not set or the history is unreadable (the engine then fails the rule closed).
 */
export async function readReleases(params: {
  port: ProtectionPort;
  data: LoadedGuardData;
  repo: RepoId;
  environment: string;
  now: number;
  log: Pick<Logger, 'warn'>;
  waiting?: (deployment: DeploymentRecord) => boolean;
}): Promise<{ all: DeploymentRecord[]; releases: Release[] } | undefined> {
  const { port, data, repo, environment, now } = params;
  const limit = limitOf(data, environment);
  if (!limit) return undefined;
  const since = now - limit.per;
  try {
    const all = await port.listRecentDeployments({ repo, environment, since, enough: limit.count + 1 });
    const releases: Release[] = [];
    let reads = 0;
    let inWindow = 0;
    let olderOut = false;
    for (const deployment of all) {
      const end = limit.freezeEnd(deployment.createdAt);
      if (end === undefined || deployment.createdAt + MAX_WAIT_MS <= since) {
        releases.push({ deployment, releasedAt: deployment.createdAt });
      } else if (params.waiting?.(deployment)) {
        releases.push({ deployment, releasedAt: undefined });
      } else if (olderOut) {
        // Went out before the newer release found before the window, so before the window too.
        releases.push({ deployment, releasedAt: deployment.createdAt });
      } else if (reads >= MAX_STATUS_READS || inWindow > limit.count) {
        releases.push({ deployment, releasedAt: Math.max(deployment.createdAt, end) });
      } else {
        reads++;
        const releasedAt = releaseTime(await port.listDeploymentStatuses(repo, deployment.id));
        releases.push({ deployment, releasedAt });
        if (releasedAt !== undefined && releasedAt <= since) olderOut = true;
        if (releasedAt !== undefined && releasedAt > since) inWindow++;
      }
    }
    return { all, releases };
  } catch (error) {
    if (!(error instanceof GitHubError) || error.retryable) throw error;
    params.log.warn({ err: error, environment }, 'deployment history unreadable; max_deploys fails closed');
    return undefined;
  }
}
