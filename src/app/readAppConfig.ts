import { readFileSync } from 'node:fs';
import { parseGrantsRepoSetting, type GrantsRepoSetting } from './protection/index.js';

/** What the App needs to run as a GitHub App. */
export interface AppConfig {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** GitHub's API URL: https://api.github.com, a GHES URL, or the loopback emulator. */
  baseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: string;
  /** Period of the in-process expiry sweep in ms; 0 turns it off (use `grantops sweep` from a scheduler). */
  sweepIntervalMs: number;
  /** Which repository holds the grants (GRANTOPS_GRANTS_REPO: `name` or `owner/name`). */
  grantsRepo: GrantsRepoSetting;
  /** The secret grant records are sealed with: GRANTOPS_RECORD_KEY, else WEBHOOK_SECRET. */
  recordKey: string;
}

/** The App cannot start: names every missing or invalid setting and how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the App's settings from the environment (the names Probot uses), failing with one message
 * that lists everything missing rather than the first thing.
 */
export function readAppConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const missing: string[] = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isSafeInteger(appId) || appId <= 0)
    missing.push('APP_ID: the numeric App ID from the App settings page');
  let privateKey = env.PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (!privateKey && env.PRIVATE_KEY_PATH) {
    try {
      privateKey = readFileSync(env.PRIVATE_KEY_PATH, 'utf8');
    } catch (error) {
      missing.push(
        `PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  }
  if (!privateKey && !env.PRIVATE_KEY_PATH)
    missing.push(
      'PRIVATE_KEY or PRIVATE_KEY_PATH: the App private key (.pem) generated on the App settings page',
    );
  if (privateKey && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey))
    missing.push('PRIVATE_KEY: is not a PEM private key');
  if (!env.WEBHOOK_SECRET) missing.push('WEBHOOK_SECRET: the webhook secret set on the App settings page');
  if (env.GRANTOPS_RECORD_KEY !== undefined && env.GRANTOPS_RECORD_KEY.length < 16)
    missing.push(
      'GRANTOPS_RECORD_KEY: must be at least 16 characters (a random secret; leave it unset to use WEBHOOK_SECRET)',
    );
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    missing.push(`PORT: "${env.PORT}" is not a port number`);
  const sweep = Number(env.GRANTOPS_SWEEP_INTERVAL_SECONDS ?? 60);
  if (!Number.isFinite(sweep) || sweep < 0)
    missing.push(
      'GRANTOPS_SWEEP_INTERVAL_SECONDS: must be a number of seconds (0 turns the in-process sweep off)',
    );
  let grantsRepo: GrantsRepoSetting | undefined;
  try {
    grantsRepo = parseGrantsRepoSetting(env.GRANTOPS_GRANTS_REPO);
  } catch (error) {
    missing.push((error as Error).message);
  }
  if (missing.length > 0) {
    throw new ConfigError(
      `grantops cannot start; set these environment variables (see README, "Installing the App"):\n${missing.map((m) => `  - ${m}`).join('\n')}`,
    );
  }
  return {
    appId,
    privateKey: privateKey!,
    webhookSecret: env.WEBHOOK_SECRET!,
    baseUrl: env.GITHUB_API_URL || undefined,
    port,
    host: env.HOST ?? '0.0.0.0',
    logLevel: env.LOG_LEVEL ?? 'info',
    sweepIntervalMs: sweep * 1000,
    grantsRepo: grantsRepo!,
    recordKey: env.GRANTOPS_RECORD_KEY ?? env.WEBHOOK_SECRET!,
  };
}
