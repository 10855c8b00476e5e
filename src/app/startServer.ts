import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { createNodeMiddleware, type Probot } from 'probot';
import { createProbot, sweepDepsOf } from './createProbot.js';
import { createApp, defaultDeps, type AppDeps } from './createApp.js';
import type { ClientPolicy } from './grantopsOctokit.js';
import type { AppConfig } from './readAppConfig.js';
import { startSweeper } from './sweep/startSweeper.js';
import { sweepAll, type SweepReport } from './sweep/sweepAll.js';

export const WEBHOOKS_PATH = '/api/github/webhooks';

/** A running grantops App: its webhook URL, its Probot, and how to stop it. */
export interface RunningApp {
  url: string;
  webhookUrl: string;
  probot: Probot;
  /** One sweep of every installation, now (the timer runs the same). */
  sweep: () => Promise<SweepReport>;
  close: () => Promise<void>;
}

/**
 * Starts the App's HTTP server: the webhook endpoint and a `/healthz` probe. Used by `npm start`,
 * the demo, the sandbox and the end-to-end tests, so they all run the same App.
 */
export async function startServer(
  config: Omit<AppConfig, 'logLevel'> & {
    log?: Logger;
    client?: ClientPolicy;
    deps?: Partial<AppDeps>;
    env?: Readonly<Record<string, string | undefined>>;
  },
): Promise<RunningApp> {
  const log = config.log ?? pino({ level: 'info' });
  const probot = createProbot(config, { log, ...(config.client ? { client: config.client } : {}) });
  // The handlers ask the sweeper (started below, once the server listens) for wake-ups.
  const sweeperRef: { current?: ReturnType<typeof startSweeper> } = {};
  const deps: AppDeps = {
    wakeAt: (epochMs) => sweeperRef.current?.wakeAt(epochMs),
    ...defaultDeps({
      appId: config.appId,
      grantsRepo: config.grantsRepo,
      env: config.env ?? {},
      recordKey: config.recordKey,
    }),
    ...config.deps,
  };
  const middleware = await createNodeMiddleware(createApp(deps), { probot, webhooksPath: WEBHOOKS_PATH });
  const server: Server = createServer((request, response) => {
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    void middleware(request, response, () => response.writeHead(404).end('not found'));
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  log.info({ url, webhooksPath: WEBHOOKS_PATH }, `grantops listening on ${url}${WEBHOOKS_PATH}`);
  const sweep = () => sweepAll(sweepDepsOf(probot, config.appId, deps, log));
  const sweeper =
    config.sweepIntervalMs > 0
      ? startSweeper({
          sweep: async () => (await sweep()).nextDueAt,
          intervalMs: config.sweepIntervalMs,
          now: deps.now,
          onError: (error) => log.error({ err: error }, 'sweep failed; the next one retries'),
        })
      : undefined;
  sweeperRef.current = sweeper;
  return {
    url,
    webhookUrl: `${url}${WEBHOOKS_PATH}`,
    probot,
    sweep,
    close: async () => {
      sweeper?.stop();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
