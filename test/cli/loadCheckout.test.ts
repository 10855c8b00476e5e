import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheckout } from '../../src/cli/loadCheckout.js';
import { readRepoDir } from '../../src/cli/readRepoDir.js';
import { ownersOf } from '../../src/core/codeowners/index.js';
import { tempRepo } from '../helpers/tempRepo.js';

const files = {
  'access.yml': 'version: 1\nresources: {}\n',
  // Stale, permissive files that GitHub ignores because .github/CODEOWNERS exists.
  CODEOWNERS: '* @acme/everyone\n',
  'docs/CODEOWNERS': '* @acme/docs\n',
  'OWNERS.txt': '/grants/db/ @acme/dba-leads\n',
  'grants/db/alice.yml': 'grantee: alice\n',
};

describe('a checkout whose .github/CODEOWNERS is refused has no code owners', () => {
  it('a linked .github/CODEOWNERS is reported, and neither CODEOWNERS nor docs/CODEOWNERS is read instead', async () => {
    const dir = tempRepo({ ...files, '.github/.keep': '' });
    symlinkSync('../OWNERS.txt', join(dir, '.github/CODEOWNERS'));
    const read = await readRepoDir(dir);
    expect([...read.files.keys()].filter((p) => p.endsWith('CODEOWNERS'))).toEqual([]);
    const repo = await loadCheckout(dir);
    expect(repo.codeowners?.file).toBe('.github/CODEOWNERS');
    expect(ownersOf(repo.codeowners!, 'grants/db/alice.yml').owners).toEqual([]);
    expect(repo.problems).toContainEqual(
      expect.objectContaining({ file: '.github/CODEOWNERS', line: 1, col: 1, code: 'file-symlink' }),
    );
    expect(repo.codeowners?.problems.map((p) => p.code)).toEqual(['codeowners-unreadable']);
  });

  it('without a .github/CODEOWNERS, the root CODEOWNERS is used and docs/CODEOWNERS is not read', async () => {
    const read = await readRepoDir(tempRepo(files));
    expect([...read.files.keys()].filter((p) => p.endsWith('CODEOWNERS'))).toEqual(['CODEOWNERS']);
  });
});
