import { createRequire } from 'module'; const require = createRequire(import.meta.url);
import*as e from"node:module";process.env.RUNNER_ENVIRONMENT!=="github-hosted"&&e.enableCompileCache?.();var{run:o}=await import("./chunks/main-GDRF2A7L.js");await o();
