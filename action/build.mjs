// Builds action/dist/index.js: one ESM file with every dependency, for `runs.using: node24` (and
// Node 20). Deterministic (no timestamps, no absolute paths, no source map), so CI rebuilds it and
// fails on any diff. Run it with `npm run build:action` and commit the result.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { noHttpClient, precompiledSchemas } from './esbuildPlugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'action/src/index.ts')],
  outfile: join(root, 'action/dist/index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  // Octokit's dependencies call require() on Node built-ins; an ESM bundle has no require otherwise.
  banner: {
    js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  },
  plugins: [precompiledSchemas(root), noHttpClient],
});
