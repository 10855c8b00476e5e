export { parseCodeowners, CODEOWNERS_MAX_BYTES } from './parseCodeowners.js';
export { ownersOf } from './ownersOf.js';
export { pickCodeownersPath, CODEOWNERS_PATHS } from './pickCodeownersPath.js';
export { compilePattern, type CompiledPattern } from './compilePattern.js';
export type { PatternError } from './checkPattern.js';
export { isValidOwner } from './isValidOwner.js';
export type { Codeowners, CodeownersRule } from './types.js';
