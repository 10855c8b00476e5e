/**
 * A loopback GitHub for development and tests: see `startEmulator`. Never imported by the App.
 * @packageDocumentation
 */
export { startEmulator, type EmulatorOptions } from './startEmulator.js';
export { Emulator, type AppCredentials } from './emulator.js';
export type { FaultSpec } from './faults.js';
export type { DeliveryRecord } from './webhooks.js';
export { signatureHeaders } from './webhooks.js';
export type { RequestLogEntry, UnknownRouteEntry } from './server.js';
export type { PullSnapshot, CheckRunSnapshot } from './inspect.js';
export type { UserSeed, OrgSeed, TeamSeed, AppSeed, InstallSeed } from './seed/accounts.js';
export type { RepoSeed, ProtectionSeed, EnvironmentSeed } from './seed/repos.js';
export type { CheckRunSeed, WorkflowRunSeed } from './seed/simulate.js';
export type { WorkflowRun, ProtectionGate, GateReview } from './state/types.js';
