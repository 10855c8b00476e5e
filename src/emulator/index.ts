/**
 * A loopback GitHub for development and tests: see `startEmulator`. Never imported by the App.
 * @packageDocumentation
 */
export { startEmulator, type EmulatorOptions } from './startEmulator.js';
export { Emulator } from './emulator.js';
export type { AppCredentials } from './emulatorSeeding.js';
export type { FaultSpec } from './faults.js';
export type { DeliveryRecord } from './webhooks.js';
export { signatureHeaders } from './webhooks.js';
export type { RequestLogEntry, UnknownRouteEntry } from './server.js';
export type { PullSnapshot, CheckRunSnapshot } from './inspect.js';
export type { UserSeed, OrgSeed, TeamSeed } from './seed/accounts.js';
export type { AppSeed, InstallSeed } from './seed/apps.js';
export type { RepoSeed, ProtectionSeed, EnvironmentSeed } from './seed/repos.js';
export type { CheckRunSeed } from './seed/checkRuns.js';
export type { WorkflowRunSeed } from './seed/workflowRuns.js';
export type { WorkflowRun, ProtectionGate, GateReview } from './state/types.js';
