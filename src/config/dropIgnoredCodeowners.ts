import { CODEOWNERS_PATHS, pickCodeownersPath } from '../core/codeowners/index.js';
import type { Problem } from '../core/problem.js';

/**
 * Removes from a reader's files the CODEOWNERS files GitHub ignores: every location after the first
 * that exists, counting files the reader refused (`refused` names them). Then a caller that does not
 * pass `refused` to loadGrantsRepo finds no CODEOWNERS and fails closed, instead of reading a later,
 * possibly stale, file in place of a refused one.
 */
export function dropIgnoredCodeowners(files: Map<string, Uint8Array>, refused: readonly Problem[]): void {
  const refusedPaths = new Set(refused.map((p) => p.file));
  const used = pickCodeownersPath((p) => files.has(p) || refusedPaths.has(p));
  for (const path of CODEOWNERS_PATHS) if (path !== used) files.delete(path);
}
