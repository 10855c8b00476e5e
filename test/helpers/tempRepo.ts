import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes files into a new temporary directory, removed after the test. */
export function tempRepo(files: Record<string, string | Uint8Array> = {}, copyFrom?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'grantops-test-'));
  made.push(dir);
  if (copyFrom) cpSync(copyFrom, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export const EXAMPLE_REPO = join(import.meta.dirname, '..', '..', 'examples', 'grants-repo');
