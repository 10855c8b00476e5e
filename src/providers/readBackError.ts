import type { AccessLevel } from '../core/access/index.js';
import { ProviderError } from './providerError.js';

/**
 * The error for a write that GitHub accepted but whose read-back shows another level. Retryable:
 * GitHub may not have caught up yet, and the next sweep reads again.
 */
export function readBackError(params: {
  code: 'not-applied' | 'not-revoked';
  login: string;
  place: string;
  level: AccessLevel;
  wanted: AccessLevel;
  hint?: string;
}): ProviderError {
  const { login, place, level, wanted } = params;
  const hint = params.hint ?? 'GitHub may not have caught up yet; the next sweep checks again';
  return new ProviderError({
    code: params.code,
    retryable: true,
    message: `${login} holds ${level} on ${place} after grantops set ${wanted}: ${hint}`,
  });
}
