import type { Logger } from 'pino';
import { Probot } from 'probot';
import type { AppDeps } from './createApp.js';
import { grantopsOctokit, PRODUCTION_CLIENT, type ClientPolicy } from './grantopsOctokit.js';
import type { AppConfig } from './readAppConfig.js';
import type { SweepDeps } from './sweep/sweepAll.js';

/**
 * The grantops Probot instance, built one way for every entry point (the server, `grantops sweep`,
 * the Lambda handlers): grantops' Octokit policy, the App's credentials, GitHub's (or GHES's, or
 * the emulator's) API URL.
 */
export function createProbot(
  config: Pick<AppConfig, 'appId' | 'privateKey' | 'webhookSecret' | 'baseUrl'>,
  options: { log: Logger; client?: ClientPolicy },
): Probot {
  return new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    log: options.log,
    Octokit: grantopsOctokit(options.client ?? PRODUCTION_CLIENT),
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
  });
}

/** What `sweepAll` needs, from the App's dependencies: the timer, the CLI and Lambda pass the same. */
export function sweepDepsOf(probot: Probot, appId: number, deps: AppDeps, log: Logger): SweepDeps {
  return {
    probot,
    appId,
    grantsRepo: deps.grantsRepo,
    now: deps.now,
    env: deps.env,
    validator: deps.validator,
    lock: deps.lock,
    retry: deps.retry,
    seal: deps.seal,
    log,
  };
}
