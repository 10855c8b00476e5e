import { pino, type Logger } from 'pino';
import type { Probot } from 'probot';
import { createProbot } from '../app/createProbot.js';
import { createApp, defaultDeps, type AppDeps } from '../app/createApp.js';
import type { ClientPolicy } from '../app/grantopsOctokit.js';
import { ConfigError, readAppConfig, type AppConfig } from '../app/readAppConfig.js';

/** What both Lambda handlers are created from. */
export interface LambdaOptions {
  /**
   * The settings (read by `readAppConfig`: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GITHUB_API_URL,
   * GRANTOPS_GRANTS_REPO, LOG_LEVEL) and the secrets webhook providers read: `process.env` in Lambda.
   */
  env: Readonly<Record<string, string | undefined>>;
  /** The structured logger; by default pino's JSON lines on stdout, which CloudWatch keeps. */
  log?: Logger;
  /** How the GitHub client retries and throttles; production's by default. */
  client?: ClientPolicy;
  /** Replaces App dependencies (the clock, retry waits) as `startServer` allows; for tests. */
  deps?: Partial<AppDeps>;
}

/** The App as one Lambda container holds it. */
export interface LambdaApp {
  probot: Probot;
  deps: AppDeps;
  config: AppConfig;
  log: Logger;
}

/**
 * Reads the settings and builds the grantops Probot exactly as `startServer` does (same Octokit
 * policy, same dependencies, same handlers), without an HTTP server. Fails with `readAppConfig`'s
 * message, which names every missing setting, after logging it.
 */
export async function createLambdaApp(options: LambdaOptions): Promise<LambdaApp> {
  let config: AppConfig;
  try {
    config = readAppConfig(options.env);
  } catch (error) {
    if (error instanceof ConfigError) (options.log ?? pino()).error({ err: error }, error.message);
    throw error;
  }
  const log = options.log ?? pino({ level: config.logLevel });
  const probot = createProbot(config, { log, ...(options.client ? { client: options.client } : {}) });
  const deps: AppDeps = {
    ...defaultDeps({
      appId: config.appId,
      grantsRepo: config.grantsRepo,
      env: options.env,
      recordKey: config.recordKey,
    }),
    ...options.deps,
  };
  // Probot 14 initialises asynchronously: `load` waits for it, so `probot.webhooks` is ready after.
  await probot.load(createApp(deps));
  log.info(
    { probot: probot.version, appId: config.appId, baseUrl: config.baseUrl ?? 'https://api.github.com' },
    'grantops Lambda container ready',
  );
  return { probot, deps, config, log };
}
