export * from './problem.js';
export * from './types.js';
export * from './time/index.js';
