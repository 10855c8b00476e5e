// Self-contained on purpose: receivers may copy this file as is (it needs only node:crypto).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a request was refused, or that it is genuine. */
export type SignatureCheck = { valid: true } | { valid: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a grantops webhook request, for receivers. Refuse the request (401) unless `valid`.
 *
 * - `body` is the raw request body exactly as received (string or bytes), before any JSON parsing.
 * - `timestamp` and `signature` are the `x-grantops-timestamp` and `x-grantops-signature` headers.
 * - `now` is the receiver's clock in milliseconds (`Date.now()`); a timestamp further than
 *   `toleranceSeconds` (default 300) from it is `stale`, which stops replays of captured requests.
 * - The comparison is timing-safe.
 */
export function verifyGrantopsSignature(params: {
  secret: string;
  timestamp: string | undefined;
  body: string | Uint8Array;
  signature: string | undefined;
  now: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  const { secret, timestamp, body, signature, now, toleranceSeconds = 300 } = params;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^sha256=[0-9a-f]{64}$/i.test(signature))
    return { valid: false, reason: 'malformed' };
  if (Math.abs(Math.floor(now / 1000) - Number(timestamp)) > toleranceSeconds)
    return { valid: false, reason: 'stale' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest();
  const given = Buffer.from(signature.slice('sha256='.length), 'hex');
  return timingSafeEqual(expected, given) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
