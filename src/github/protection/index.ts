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
export type { DeploymentStatusRecord } from './listDeploymentStatuses.js';
export type { RecordPull } from './listRecordPulls.js';
