import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../core/problem.js';
import { dropIgnoredCodeowners } from '../config/dropIgnoredCodeowners.js';
import { isRepoFileOfInterest, type RepoFiles } from '../config/loadGrantsRepo.js';
import { IoError } from './cliContext.js';

/** Files larger than this are not even read (CODEOWNERS is capped at 3 MB by GitHub). */
export const READ_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads the files grantops cares about from a checkout: access.yml, CODEOWNERS and grants/.
 * Symbolic links are refused (a link could smuggle a file from outside the reviewed tree) and
 * oversized files are reported without being read. CODEOWNERS files GitHub ignores are left out.
 */
export async function readRepoDir(dir: string): Promise<{ files: RepoFiles; problems: Problem[] }> {
  const files = new Map<string, Uint8Array>();
  const problems: Problem[] = [];
  const refuse = (file: string, code: string, message: string) =>
    problems.push({ file, line: 1, col: 1, code, message, severity: 'error' });
  try {
    const top = await lstat(dir);
    if (!top.isDirectory()) throw new IoError(`${dir} is not a directory`);
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(
      `cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (path === 'grants' || path.startsWith('grants/') || path === '.github' || path === 'docs')
          await walk(path);
      } else if (isRepoFileOfInterest(path)) {
        if (entry.isSymbolicLink()) {
          refuse(
            path,
            'file-symlink',
            'symbolic links are not allowed in a grants repository; commit the file itself',
          );
          continue;
        }
        if (!entry.isFile()) continue;
        const { size } = await lstat(join(dir, path));
        if (size > READ_MAX_BYTES)
          refuse(path, 'file-too-large', `file is ${size} bytes, over the limit of ${READ_MAX_BYTES} bytes`);
        else files.set(path, await readFile(join(dir, path)));
      }
    }
  };
  await walk('');
  dropIgnoredCodeowners(files, problems);
  return { files, problems };
}
