import * as nodeModule from 'node:module';

// Node 22.1+ can keep V8's compiled code of the modules loaded after this call on disk
// (os.tmpdir()/node-compile-cache, or NODE_COMPILE_CACHE) and reuse it on the next start, which
// saves most of the compile work of a cold start. Only modules loaded after the call benefit, so
// the Action's code is imported below rather than statically. Skipped on GitHub-hosted runners:
// each job gets a fresh machine, so the cache would be written on every run and never read.
// Node 20 has no compile cache; there this is a no-op.
if (process.env.RUNNER_ENVIRONMENT !== 'github-hosted') {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
}

const { run } = await import('./main.js');
await run();
