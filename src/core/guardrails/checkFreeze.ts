import { formatUtc, formatZoned, isValidTimeZone } from '../time/index.js';
import { activeFreeze, type ActiveFreeze } from './activeFreeze.js';
import { compileFreezeWindow } from './compileFreezeWindow.js';
import { describeInstant } from './describeInstant.js';
import type { Finding, GuardContext } from './finding.js';

function frozenFinding(ctx: GuardContext, freeze: ActiveFreeze): Finding {
  const { now, environment, policy } = ctx.input;
  const [first] = freeze.windows as [ActiveFreeze['windows'][number]];
  const names = freeze.windows
    .map((w) => `\`${w.window.name}\` (${w.window.from} to ${w.window.to} ${w.zone})`)
    .join(' and ');
  const until = formatUtc(freeze.end);
  return {
    rule: 'freeze',
    status: 'fail',
    code: 'freeze_active',
    message:
      `${environment} is frozen by ${names} until ${until} (${describeInstant(freeze.end, first.zone)}): ` +
      `deploy after it ends, or change guardrails.${ctx.envKey}.freeze in ${policy.file}`,
    times: { utc: formatUtc(now), local: formatZoned(now, first.zone), zone: first.zone },
    until,
    ...ctx.locate(['freeze', first.index]),
  };
}

/**
 * The freeze rule: fails while any freeze window is active, saying which and when the environment is
 * free again (`until`). A window that cannot be read fails the rule too (fail closed).
 */
export function checkFreeze(ctx: GuardContext): Finding[] {
  const windows = ctx.guardrail.freeze ?? [];
  if (windows.length === 0) return [];
  const defaultZone = ctx.policy.defaults?.timezone;
  const findings: Finding[] = [];
  windows.forEach((window, index) => {
    const compiled = compileFreezeWindow(window, defaultZone);
    if ('error' in compiled) {
      findings.push({
        rule: 'freeze',
        status: 'fail',
        code: 'policy_invalid',
        message: `freeze window \`${window.name}\` of ${ctx.envKey}: ${compiled.error}; fix it in ${ctx.input.policy.file}`,
        ...ctx.locate(['freeze', index]),
      });
    }
  });
  const freeze = activeFreeze({ windows, defaultZone, at: ctx.input.now });
  if (freeze) return [...findings, frozenFinding(ctx, freeze)];
  const zone = defaultZone !== undefined && isValidTimeZone(defaultZone) ? defaultZone : 'UTC';
  const { now } = ctx.input;
  findings.push({
    rule: 'freeze',
    status: 'pass',
    code: 'freeze_inactive',
    message: `no freeze window of ${ctx.input.environment} is active`,
    times: { utc: formatUtc(now), local: formatZoned(now, zone), zone },
    ...ctx.locate(['freeze']),
  });
  return findings;
}
