import type { Plugin } from 'esbuild';

/** Swaps ajv for validators compiled at build time, only where src/config/schemaValidator.ts imports it. */
export function precompiledSchemas(root: string): Plugin;
/** Replaces @actions/http-client with a stub that throws when used. */
export const noHttpClient: Plugin;
/** Resolves `yaml` to its ES module build, patched to behave as the Node build, so the bundle can tree-shake it. */
export function yamlEsm(root: string): Plugin;
