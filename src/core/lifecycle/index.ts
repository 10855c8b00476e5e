export * from './grantRecord.js';
export * from './revertBranch.js';
export * from './planSweep.js';
