import { createRequire } from 'module'; const require = createRequire(import.meta.url);
import*as e from"node:module";process.env.RUNNER_ENVIRONMENT!=="github-hosted"&&e.enableCompileCache?.();var{run:o}=await import("./chunks/main-XBKT2MRU.js");await o();
