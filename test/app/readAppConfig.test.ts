import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, readAppConfig } from '../../src/app/readAppConfig.js';
import { tempRepo } from '../helpers/tempRepo.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();

describe('readAppConfig', () => {
  it('lists every missing setting in one actionable message', () => {
    expect(() => readAppConfig({})).toThrowError(ConfigError);
    try {
      readAppConfig({});
    } catch (error) {
      expect((error as Error).message).toBe(
        [
          'grantops cannot start; set these environment variables (see README, "Installing the App"):',
          '  - APP_ID: the numeric App ID from the App settings page',
          '  - PRIVATE_KEY or PRIVATE_KEY_PATH: the App private key (.pem) generated on the App settings page',
          '  - WEBHOOK_SECRET: the webhook secret set on the App settings page',
        ].join('\n'),
      );
    }
  });

  it.each([
    [{ APP_ID: 'abc' }, 'APP_ID: the numeric App ID'],
    [{ PRIVATE_KEY: 'not a key' }, 'PRIVATE_KEY: is not a PEM private key'],
    [
      { PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/nonexistent/key.pem' },
      'PRIVATE_KEY_PATH: cannot read /nonexistent/key.pem (ENOENT)',
    ],
    [{ PORT: '99999' }, 'PORT: "99999" is not a port number'],
    [
      { GRANTOPS_SWEEP_INTERVAL_SECONDS: '-1' },
      'GRANTOPS_SWEEP_INTERVAL_SECONDS: must be a number of seconds',
    ],
    [{ GRANTOPS_GRANTS_REPO: 'a/b/c' }, 'GRANTOPS_GRANTS_REPO'],
    [{ GRANTOPS_RECORD_KEY: 'short' }, 'GRANTOPS_RECORD_KEY: must be at least 16 characters'],
  ])('%j is refused, naming the setting', (env, message) => {
    expect(() => readAppConfig({ APP_ID: '1', PRIVATE_KEY: pem, WEBHOOK_SECRET: 's', ...env })).toThrowError(
      message,
    );
  });

  it('reads a complete configuration, the key from a file and escaped newlines', () => {
    const dir = tempRepo({ 'key.pem': pem });
    const fromFile = readAppConfig({
      APP_ID: '42',
      PRIVATE_KEY_PATH: `${dir}/key.pem`,
      WEBHOOK_SECRET: 's',
      GRANTOPS_GRANTS_REPO: 'acme/grants',
      GITHUB_API_URL: 'https://ghe.example/api/v3',
    });
    expect(fromFile).toMatchObject({
      appId: 42,
      privateKey: pem,
      baseUrl: 'https://ghe.example/api/v3',
      port: 3000,
      sweepIntervalMs: 60_000,
      grantsRepo: { owner: 'acme', name: 'grants' },
      recordKey: 's', // records are sealed with the webhook secret unless GRANTOPS_RECORD_KEY is set
    });
    const inline = readAppConfig({
      APP_ID: '42',
      PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
      WEBHOOK_SECRET: 's',
      GRANTOPS_SWEEP_INTERVAL_SECONDS: '0',
    });
    expect(inline).toMatchObject({
      privateKey: pem,
      sweepIntervalMs: 0,
      grantsRepo: { name: 'access-grants' },
    });
    const ownKey = readAppConfig({
      APP_ID: '42',
      PRIVATE_KEY: pem,
      WEBHOOK_SECRET: 's',
      GRANTOPS_RECORD_KEY: 'a-record-key-of-32-characters-xx',
    });
    expect(ownKey.recordKey).toBe('a-record-key-of-32-characters-xx');
  });
});
