import { loadGrantsRepo } from '../../src/config/loadGrantsRepo.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';
import type { GrantsRepo } from '../../src/core/grantsRepo.js';

const validator = createSchemaValidator();

/** A GrantsRepo from a map of path → text, through the real loader. */
export function repoOf(files: Record<string, string>): GrantsRepo {
  const bytes = new Map(Object.entries(files).map(([path, text]) => [path, new TextEncoder().encode(text)]));
  return loadGrantsRepo({ files: bytes, validator });
}
