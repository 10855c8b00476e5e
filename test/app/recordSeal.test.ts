import { describe, expect, it } from 'vitest';
import { createRecordSeal } from '../../src/app/lifecycle/recordSeal.js';

describe('the record seal', () => {
  const seal = createRecordSeal('webhook-secret-of-the-app');

  it('signs deterministically and verifies only the same text under the same secret', () => {
    const signature = seal.sign('record');
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(seal.sign('record')).toBe(signature);
    expect(seal.verify('record', signature)).toBe(true);
    expect(seal.verify('record!', signature)).toBe(false);
    expect(createRecordSeal('another-secret').verify('record', signature)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['too short', 'ab'],
    ['not hex', 'zz'.repeat(32)],
    ['too long', `${'0'.repeat(64)}00`],
  ])('a %s signature does not verify (and does not throw)', (_name, signature) => {
    expect(seal.verify('record', signature)).toBe(false);
  });

  it('refuses an empty secret', () => {
    expect(() => createRecordSeal('')).toThrowError('the secret is empty');
  });
});
