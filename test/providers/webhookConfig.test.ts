import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/core/types.js';
import { webhookConfig } from '../../src/providers/webhook/webhookConfig.js';
import { webhookRequestBody } from '../../src/providers/webhook/webhookRequestBody.js';

const env = { SECRET: 's3cret' };
const config = (resource: Partial<Resource>) =>
  webhookConfig({ resourceName: 'cloud-iam', resource: { provider: 'webhook', ...resource } }, env);

describe('webhookConfig', () => {
  it('hides credentials and query in the URL it shows', () => {
    expect(config({ url: 'https://user:pw@iam.example.com/hook?token=x', secret_env: 'SECRET' })).toEqual({
      url: 'https://user:pw@iam.example.com/hook?token=x',
      shownUrl: 'https://iam.example.com/hook',
      secret: 's3cret',
      secretEnv: 'SECRET',
    });
  });

  it.each<[string, Partial<Resource>, RegExp]>([
    [
      'no url',
      { secret_env: 'SECRET' },
      /resource cloud-iam uses provider webhook but its `url` is not a URL/,
    ],
    ['a relative url', { url: '/hook', secret_env: 'SECRET' }, /is not a URL/],
    [
      'another scheme',
      { url: 'ftp://iam.example.com/', secret_env: 'SECRET' },
      /`url` must be http\(s\), not ftp:/,
    ],
    ['no secret_env', { url: 'https://iam.example.com/' }, /sets no `secret_env`/],
    [
      'an unset variable',
      { url: 'https://iam.example.com/', secret_env: 'NOPE' },
      /environment variable NOPE \(`secret_env` of resource cloud-iam\) is not set/,
    ],
  ])('refuses %s, naming the setting', (_name, resource, message) => {
    expect(() => config(resource)).toThrow(message);
    expect(() => config(resource)).toThrow(
      expect.objectContaining({ code: 'misconfigured', retryable: false }),
    );
  });
});

describe('webhookRequestBody', () => {
  const target = { resourceName: 'cloud-iam', resource: { provider: 'webhook' as const } };
  it('sends null role and expiry when there are none', () => {
    expect(
      webhookRequestBody({
        action: 'revoke',
        target,
        grant: { grantId: 'g', grantee: 'alice', role: undefined, expires: undefined },
      }),
    ).toMatchObject({
      role: null,
      expires: null,
    });
  });

  it('sends an empty grant id when there is none', () => {
    expect(webhookRequestBody({ action: 'revoke', target, grant: {} })).toMatchObject({
      grant_id: '',
      grantee: '',
    });
  });

  it('leaves grant, role and expiry out of a list', () => {
    const body = webhookRequestBody({ action: 'list', target, grant: {} });
    expect(body).toMatchObject({ action: 'list', grant_id: '', grantee: '', role: null, expires: null });
  });
});
