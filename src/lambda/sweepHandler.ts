import { sweepDepsOf } from '../app/createProbot.js';
import { sweepAll, type SweepReport } from '../app/sweep/sweepAll.js';
import { createLambdaApp, type LambdaOptions } from './createLambdaApp.js';
import { perContainer } from './perContainer.js';
import type { LambdaContext } from './webhookHandler.js';

/** A Lambda handler an EventBridge schedule invokes; the event's content is not read. */
export type SweepHandler = (event?: unknown, context?: LambdaContext) => Promise<SweepReport>;

/**
 * The scheduled entry: one sweep of every installation (`sweepAll`, the same function as the
 * in-process timer and `grantops sweep`), returning its report. An installation that fails is
 * logged and reported, not thrown: the next scheduled sweep retries it. A failure to list the
 * installations fails the invocation.
 */
export function createSweepHandler(options: LambdaOptions): SweepHandler {
  const app = perContainer(() => createLambdaApp(options));
  return async (_event, context) => {
    const started = performance.now();
    const { probot, deps, config, log: containerLog } = await app();
    const log = containerLog.child({ awsRequestId: context?.awsRequestId });
    const report = await sweepAll(sweepDepsOf(probot, config.appId, deps, log));
    const errors = report.installations.reduce((sum, i) => sum + i.errors.length, 0);
    log[errors > 0 ? 'warn' : 'info'](
      {
        installations: report.installations.length,
        errors,
        nextDueAt: report.nextDueAt === undefined ? undefined : new Date(report.nextDueAt).toISOString(),
        durationMs: Math.round(performance.now() - started),
      },
      'sweep done',
    );
    return report;
  };
}
