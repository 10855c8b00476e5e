import { pino } from 'pino';
import { defaultDeps } from '../../app/createApp.js';
import { createProbot, sweepDepsOf } from '../../app/createProbot.js';
import { ConfigError, readAppConfig } from '../../app/readAppConfig.js';
import { sweepAll } from '../../app/sweep/sweepAll.js';
import { EXIT, UsageError, type CliContext } from '../cliContext.js';
import { parseOptions } from '../parseOptions.js';

export const sweepUsage = 'grantops sweep [--json]';

/**
 * `grantops sweep`: one expiry sweep of every installation, with the App's credentials from the
 * environment (as `npm start`). For cron jobs and serverless schedulers; the App's own timer runs
 * the same function. Exit 1 when any repository could not be swept (the next run retries).
 */
export async function sweep(args: readonly string[], context: CliContext): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' } });
  let config;
  try {
    config = readAppConfig(context.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const log = pino({ level: config.logLevel }, pino.destination(2));
  const probot = createProbot(config, { log });
  const deps = defaultDeps({
    appId: config.appId,
    grantsRepo: config.grantsRepo,
    env: context.env,
    now: context.now,
    recordKey: config.recordKey,
  });
  const report = await sweepAll(sweepDepsOf(probot, config.appId, deps, log));
  if (values.json) context.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const i of report.installations) {
      const g = i.grants;
      context.stdout(
        `${i.grantsRepo}: ${g ? `revoked ${g.revoked}, applied ${g.applied}, warned ${g.warned}, refused ${g.refused}, failed ${g.failed}` : 'no grants repository'}; deployments re-checked ${i.deploymentsRechecked}${i.errors.length > 0 ? `; errors: ${i.errors.join('; ')}` : ''}\n`,
      );
    }
    if (report.installations.length === 0) context.stdout('no installations\n');
  }
  return report.installations.some((i) => i.errors.length > 0 || (i.grants?.failed ?? 0) > 0)
    ? EXIT.problem
    : EXIT.ok;
}
