import type { Problem } from '../core/problem.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a file's bytes as UTF-8 text, or adds the reason it cannot (over `maxBytes`, not UTF-8)
 * to `problems` at file:1:1 and returns undefined.
 */
export function decodeText(
  file: string,
  bytes: Uint8Array,
  maxBytes: number,
  problems: Problem[],
): string | undefined {
  const fail = (code: string, message: string) => {
    problems.push({ file, line: 1, col: 1, code, message, severity: 'error' });
    return undefined;
  };
  if (bytes.byteLength > maxBytes) {
    return fail('file-too-large', `file is ${bytes.byteLength} bytes, over the limit of ${maxBytes} bytes`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return fail('file-not-utf8', 'file is not valid UTF-8 text');
  }
}
