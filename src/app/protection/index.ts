export { registerProtectionRule } from './registerProtectionRule.js';
export { defaultProtectionDeps, type ProtectionDeps } from './protectionDeps.js';
export {
  recheckWaitingDeployments,
  type RecheckParams,
  type RecheckResult,
} from './recheckWaitingDeployments.js';
export type { RunRecheck } from './recheckRun.js';
export {
  parseGrantsRepoSetting,
  DEFAULT_GRANTS_REPO,
  type GrantsRepoSetting,
} from './parseGrantsRepoSetting.js';
export { resolveGrantsRepo } from './resolveGrantsRepo.js';
