import { pino } from 'pino';
import { ConfigError, readAppConfig } from './readAppConfig.js';
import { startServer } from './startServer.js';

try {
  const config = readAppConfig(process.env);
  const log = pino({ level: config.logLevel });
  const app = await startServer({ ...config, log, env: process.env });
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
