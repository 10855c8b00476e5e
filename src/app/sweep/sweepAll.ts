import type { Logger } from 'pino';
import type { Probot } from 'probot';
import type { SchemaValidator } from '../../config/schemaValidator.js';
import type { KeyedLock } from '../keyedLock.js';
import type { GrantsRepoSetting } from '../protection/index.js';
import type { RecordSeal } from '../../core/lifecycle/index.js';
import type { RetryPolicy } from '../lifecycle/retryFailures.js';
import { eachInstallation } from './eachInstallation.js';
import { sweepInstallation, type InstallationSweep } from './sweepInstallation.js';

/** What a sweep of every installation needs; the timer, `grantops sweep` and tests all pass the same. */
export interface SweepDeps {
  probot: Probot;
  appId: number;
  grantsRepo: GrantsRepoSetting;
  now: () => number;
  env: Readonly<Record<string, string | undefined>>;
  validator: SchemaValidator;
  lock: KeyedLock;
  retry: RetryPolicy;
  /** Seals and checks grant records (AppDeps.seal). */
  seal: RecordSeal;
  log: Logger;
  /** Most repositories per installation whose waiting deployments are re-checked each sweep. */
  maxProtectedRepos?: number;
}

/** What one sweep of every installation did, and the next instant anything is due. */
export interface SweepReport {
  installations: InstallationSweep[];
  nextDueAt: number | undefined;
}

/**
 * One sweep of every installation: its grants repository (expiry, starts, missed merges, warnings,
 * stale requests) and the deployments its protection rule holds. One failing installation is logged
 * and skipped; the others are still swept.
 */
export async function sweepAll(deps: SweepDeps): Promise<SweepReport> {
  const report: SweepReport = { installations: [], nextDueAt: undefined };
  for await (const installation of eachInstallation(deps.probot)) {
    const result = await sweepInstallation(installation, deps);
    report.installations.push(result);
    for (const due of [result.grants?.nextDueAt, result.nextCheckAt]) {
      if (due !== undefined && (report.nextDueAt === undefined || due < report.nextDueAt))
        report.nextDueAt = due;
    }
  }
  return report;
}
