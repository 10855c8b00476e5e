export { createOctokitProtectionPort } from './createOctokitProtectionPort.js';
export { parseCallbackUrl } from './parseCallbackUrl.js';
export type { ProtectionClient } from './callProtectionCallback.js';
export type {
  AnswerOutcome,
  ProtectionPort,
  ReportOutcome,
  RunRef,
  RunReview,
  WaitingRun,
} from './protectionPort.js';
