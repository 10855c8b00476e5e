import { highestLevel, rankOf, type AccessLevel } from './accessLevel.js';
import type { Member } from './member.js';
import type { DriftChange, DriftReason } from './plannedChange.js';
import { towardLevel } from './towardLevel.js';

/** One login holding more access than active grants and standing declarations explain. */
export interface DriftFinding {
  grantee: string;
  level: AccessLevel;
  /** The most this login's active grants and standing access explain (`none`: nothing does). */
  explained: AccessLevel;
  /** Strict mode lowers the access to `explained`; additive mode only reports (`none`). */
  change: DriftChange;
}

/**
 * Who has access to a resource that no active grant or standing declaration explains, sorted by
 * login. Strict mode plans the correction; additive mode never removes what grantops did not grant,
 * so it only reports. Logins compare case-insensitively.
 */
export function findDrift(params: {
  members: readonly Member[];
  activeGrants: readonly Member[];
  standing: readonly Member[];
  mode: 'additive' | 'strict';
}): DriftFinding[] {
  const explainedBy = new Map<string, AccessLevel[]>();
  for (const { grantee, level } of [...params.activeGrants, ...params.standing]) {
    const key = grantee.toLowerCase();
    explainedBy.set(key, [...(explainedBy.get(key) ?? []), level]);
  }
  const findings: DriftFinding[] = [];
  for (const { grantee, level } of params.members) {
    const explained = highestLevel(explainedBy.get(grantee.toLowerCase()) ?? []);
    if (rankOf(level) <= rankOf(explained)) continue;
    const change: DriftChange =
      params.mode === 'strict'
        ? towardLevel<DriftReason>({
            current: level,
            target: explained,
            reason: 'strict-target',
            keepReason: 'report-only',
          })
        : { action: 'none', level, reason: 'report-only' };
    findings.push({ grantee, level, explained, change });
  }
  return findings.sort((a, b) => a.grantee.localeCompare(b.grantee));
}
