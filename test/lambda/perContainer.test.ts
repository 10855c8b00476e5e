import { describe, expect, it } from 'vitest';
import { perContainer } from '../../src/lambda/perContainer.js';

describe('perContainer', () => {
  it('creates once and shares the instance, also between concurrent callers', async () => {
    let created = 0;
    const get = perContainer(async () => ({ n: ++created }));
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(created).toBe(1);
  });

  it('does not keep a failure: the next call tries again', async () => {
    let attempts = 0;
    const get = perContainer(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('transient');
      return attempts;
    });
    await expect(get()).rejects.toThrow('transient');
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
  });
});
