// Builds action/dist/: index.js, the entry `runs.main` names, and the chunks it imports, for
// `runs.using: node24` (and Node 20). ES modules, every dependency bundled. Deterministic (no
// timestamps, no absolute paths, no source map), so CI rebuilds it and fails on any diff. Run it
// with `npm run build:action` and commit all of action/dist (`git add -A action/dist`: chunk names
// carry a content hash, so a change can add and remove files).
//
// Split into chunks so that a check of a checkout loads only what it runs: the GitHub API client
// (Octokit) and the tarball reader are imported on first use and live in chunks of their own.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { noHttpClient, precompiledSchemas, yamlEsm } from './esbuildPlugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'action/dist');

// Stale chunks of an earlier build would otherwise stay behind (test/action/bundle.test.ts checks
// that action/dist holds exactly the files git tracks).
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

await build({
  // Chunk names hash paths relative to the working directory: pin it, so the output does not
  // depend on where the build is started from.
  absWorkingDir: root,
  entryPoints: { index: join(root, 'action/src/index.ts') },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
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
  plugins: [precompiledSchemas(root), noHttpClient, yamlEsm(root)],
});
