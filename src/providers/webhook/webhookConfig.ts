import type { ResourceTarget } from '../provider.js';
import { ProviderError } from '../providerError.js';

/** Where to send a resource's calls and the secret to sign them with. */
export interface WebhookConfig {
  url: string;
  /** The URL without credentials or query, safe for messages and logs. */
  shownUrl: string;
  secret: string;
  secretEnv: string;
}

/**
 * A webhook resource's `url` and the secret from the environment variable its `secret_env` names.
 * `env` is passed in (the process environment in production) so tests and callers decide.
 */
export function webhookConfig(
  target: ResourceTarget,
  env: Readonly<Record<string, string | undefined>>,
): WebhookConfig {
  const name = target.resourceName;
  const { url, secret_env: secretEnv } = target.resource;
  const misconfigured = (message: string) =>
    new ProviderError({ code: 'misconfigured', retryable: false, message });
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    throw misconfigured(
      `resource ${name} uses provider webhook but its \`url\` is not a URL: set an http(s) address in access.yml`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw misconfigured(`resource ${name}: \`url\` must be http(s), not ${parsed.protocol}`);
  if (!secretEnv)
    throw misconfigured(
      `resource ${name} uses provider webhook but sets no \`secret_env\`: name the environment variable holding the HMAC secret in access.yml`,
    );
  const secret = env[secretEnv];
  if (!secret)
    throw misconfigured(
      `the environment variable ${secretEnv} (\`secret_env\` of resource ${name}) is not set: set it to the receiver's HMAC secret where grantops runs`,
    );
  return { url: parsed.href, shownUrl: `${parsed.origin}${parsed.pathname}`, secret, secretEnv };
}
