import { describe, expect, it } from 'vitest';
import { playDemo } from '../../src/demo/playDemo.js';

describe('npm run demo', () => {
  it('plays the whole lifecycle and every step it checks holds', async () => {
    const lines: string[] = [];
    const result = await playDemo((line) => lines.push(line));
    expect(result).toEqual({ ok: true, failures: [] });
    const text = lines.join('\n');
    for (const step of [
      'alice asks for prod-db',
      'grantops merges #1',
      'alice is now maintainer',
      'scheduled reverting PR',
      'protection rule approved it',
      'protection rule rejected it (no_active_grant)',
      'is warned',
      'no longer in prod-db-admins',
      'reverting PR #3 merged',
    ]) {
      expect(text).toContain(step);
    }
  });
});
