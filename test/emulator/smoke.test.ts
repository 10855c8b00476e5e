import { describe, expect, it } from 'vitest';
import { seedWorld } from './world.js';

describe('smoke', () => {
  it('gets a repo', async () => {
    const { gh, as, repo } = await seedWorld();
    const { data } = await as('alice').rest.repos.get(repo);
    expect(data.full_name).toBe('acme/access');
    const ref = await as('alice').rest.git.getRef({ ...repo, ref: 'heads/main' });
    expect(ref.data.object.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(gh.errors).toEqual([]);
    await gh.close();
  });
});
