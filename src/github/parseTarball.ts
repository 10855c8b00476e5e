import { gunzipSync } from 'node:zlib';
import type { Problem } from '../core/problem.js';

/** Largest archive accepted once unpacked; a grants repo of 100,000 grants is about 100 MB. */
export const TARBALL_MAX_BYTES = 256 * 1024 * 1024;
/** Largest single file kept; larger files are reported and not read. */
export const TARBALL_FILE_MAX_BYTES = 4 * 1024 * 1024;

export interface Tarball {
  /** The commit the archive was made from (GitHub writes it in the pax global header). */
  commitSha: string | undefined;
  files: Map<string, Uint8Array>;
  problems: Problem[];
}

const BLOCK = 512;

function text(buffer: Buffer, start: number, length: number): string {
  const slice = buffer.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? slice.length : end).toString('utf8');
}

function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    const length = Number(data.subarray(offset, space).toString('ascii'));
    if (space === -1 || !Number.isSafeInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return records;
}

/**
 * Unpacks a GitHub repository tarball (`GET /repos/{owner}/{repo}/tarball/{ref}`) and keeps the
 * files `keep` asks for, with the top-level `{owner}-{repo}-{sha}/` folder stripped. Links under
 * kept paths are reported, never followed; oversized files are reported, never kept.
 */
export function parseTarball(gzipped: Uint8Array, keep: (path: string) => boolean): Tarball {
  let buffer: Buffer;
  try {
    buffer = gunzipSync(gzipped, { maxOutputLength: TARBALL_MAX_BYTES });
  } catch (error) {
    throw new Error(`grantops: the repository archive cannot be unpacked: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result: Tarball = { commitSha: undefined, files: new Map(), problems: [] };
  const refuse = (file: string, code: string, message: string) =>
    result.problems.push({ file, line: 1, col: 1, code, message, severity: 'error' });
  let pax: Record<string, string> = {};
  let offset = 0;
  while (offset + BLOCK <= buffer.length) {
    const header = buffer.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(text(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK;
    const data = buffer.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'g') {
      result.commitSha = parsePax(data).comment ?? result.commitSha;
      continue;
    }
    if (type === 'x') {
      pax = parsePax(data);
      continue;
    }
    const prefix = text(header, 345, 155);
    const fullName = pax.path ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    pax = {};
    const path = fullName.split('/').slice(1).join('/');
    if (!path || !keep(path)) continue;
    if (type === '2' || type === '1') {
      refuse(path, 'file-symlink', 'links are not allowed in a grants repository; commit the file itself');
    } else if (type === '0' || type === '\0') {
      if (size > TARBALL_FILE_MAX_BYTES)
        refuse(
          path,
          'file-too-large',
          `file is ${size} bytes, over the limit of ${TARBALL_FILE_MAX_BYTES} bytes`,
        );
      else result.files.set(path, new Uint8Array(data));
    }
  }
  return result;
}
