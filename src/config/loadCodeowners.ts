import {
  CODEOWNERS_PATHS,
  parseCodeowners,
  pickCodeownersPath,
  type Codeowners,
} from '../core/codeowners/index.js';
import type { Problem } from '../core/problem.js';
import { decodeText } from './decodeText.js';

/**
 * Reads the CODEOWNERS file GitHub uses: the first of `CODEOWNERS_PATHS` that exists, where a file
 * the reader refused (a link, an oversized file) exists too. When that file cannot be read (refused,
 * not UTF-8, or 3 MB and over, which GitHub ignores) the result has no rules, so every path is
 * unowned and every request fails closed at that file: grantops never falls back to a later
 * location, which GitHub ignores and which may be stale. Undefined when no location exists.
 */
export function loadCodeowners(
  files: ReadonlyMap<string, Uint8Array>,
  refused: readonly Problem[],
  problems: Problem[],
): Codeowners | undefined {
  const refusedPaths = new Set(refused.map((p) => p.file));
  const file = pickCodeownersPath((p) => files.has(p) || refusedPaths.has(p));
  if (!file) return undefined;
  const bytes = files.get(file);
  const unreadable: Problem[] = [];
  const text = bytes && decodeText(file, bytes, Infinity, unreadable);
  problems.push(...unreadable);
  if (text === undefined) return { file, rules: [], problems: [noOwners(file)] };
  return parseCodeowners({ file, text, size: bytes!.byteLength });
}

function noOwners(file: string): Problem {
  const others = CODEOWNERS_PATHS.filter((p) => p !== file).join(' and ');
  const message = `GitHub uses this CODEOWNERS file (the first of ${CODEOWNERS_PATHS.join(', ')} that exists) but grantops cannot read it, so no file has code owners and every request fails; commit it as a plain UTF-8 file under 3 MB (${others} are ignored while this file exists)`;
  return { file, line: 1, col: 1, code: 'codeowners-unreadable', message, severity: 'error' };
}
