export { decideGuardrails } from './decideGuardrails.js';
export type { Decision, GuardInput, OutcomeStatus, RuleOutcome } from './decision.js';
export { REASON_CODES, type ReasonCode, type RuleName } from './reasonCodes.js';
export { activeFreeze, type ActiveFreeze, type ActiveWindow } from './activeFreeze.js';
export { compileFreezeWindow, type CompiledFreezeWindow, type FreezeSpan } from './compileFreezeWindow.js';
export { compileGlob } from './compileGlob.js';
export { commandParts, type CommandParts, type SimpleCommand } from './commandParts.js';
export { planChanges, type PlanChanges } from './planChanges.js';
export { grantsToVerify } from './grantsToVerify.js';
