export * from './types.js';
export { classifyChanges, type ClassifiedChanges } from './classifyChanges.js';
export { qualifyReviews, type Excluded, type QualifiedReviews } from './qualifyReviews.js';
export { evaluateApprovals } from './evaluateApprovals.js';
export { evaluateRemovals } from './evaluateRemovals.js';
export { removalApprovers } from './concludeGiveBack.js';
export { evaluateRequest, DEFAULT_REQUEST_TTL, type RequestInput } from './evaluateRequest.js';
export { refuseIncompleteChanges } from './refuseIncompleteChanges.js';
export { teamsToResolve } from './teamsToResolve.js';
