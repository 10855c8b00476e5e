import { resolve } from 'node:path';
import { loadGrantsRepo } from '../config/loadGrantsRepo.js';
import { createSchemaValidator } from '../config/schemaValidator.js';
import type { GrantsRepo } from '../core/grantsRepo.js';
import { readRepoDir } from './readRepoDir.js';

/** Reads and parses a grants-repo checkout; reader problems (symlinks, huge files) join the load problems. */
export async function loadCheckout(dir: string): Promise<GrantsRepo> {
  const { files, problems } = await readRepoDir(resolve(dir));
  const repo = loadGrantsRepo({ files, validator: createSchemaValidator(), refused: problems });
  return { ...repo, problems: [...problems, ...repo.problems] };
}
