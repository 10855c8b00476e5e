import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RecordSeal } from '../../core/lifecycle/index.js';

/**
 * The seal of grant records: HMAC-SHA256 under a key derived from a secret only the App holds
 * (GRANTOPS_RECORD_KEY, else the App's webhook secret). Changing that secret makes every sealed
 * record unverifiable; the lifecycle then fails closed (see `findRecordedPull`).
 */
export function createRecordSeal(secret: string): RecordSeal {
  if (secret.length === 0) throw new Error('createRecordSeal: the secret is empty');
  const key = createHmac('sha256', secret).update('grantops record seal v1').digest();
  const sign = (text: string) => createHmac('sha256', key).update(text).digest('hex');
  return {
    sign,
    verify: (text, signature) => {
      const expected = Buffer.from(sign(text), 'hex');
      const given = Buffer.from(signature, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
