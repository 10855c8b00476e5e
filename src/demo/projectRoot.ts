import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's root folder (holding app.yml), from this file in src/ or in dist/src/. */
export function projectRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'app.yml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`grantops: cannot find the project root (app.yml) above ${from}`);
    dir = parent;
  }
  return dir;
}
