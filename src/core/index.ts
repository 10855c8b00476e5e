export * from './problem.js';
export * from './types.js';
export * from './time/index.js';
export * from './guardrails/index.js';
export * from './codeowners/index.js';
