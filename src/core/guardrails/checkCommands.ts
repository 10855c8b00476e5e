import { commandParts, type CommandParts } from './commandParts.js';
import { compileGlob } from './compileGlob.js';
import type { Finding, GuardContext } from './finding.js';
import { normalizeCommand } from './normalizeCommand.js';

/** The commands rule's findings, and the sensitive commands it saw (for the `sensitive` alert). */
export interface CommandsCheck {
  findings: Finding[];
  sensitive: string[];
}

interface Patterns {
  /** The deny patterns as written, for messages. */
  denyText: readonly string[];
  deny: RegExp[];
  allow: RegExp[];
  sensitive: RegExp[];
}

function denyFinding(ctx: GuardContext, parts: CommandParts, patterns: Patterns): Finding | undefined {
  for (const candidate of parts.candidates) {
    const index = patterns.deny.findIndex((re) => re.test(candidate));
    if (index < 0) continue;
    const pattern = normalizeCommand(patterns.denyText[index] as string);
    const runs = candidate === parts.whole ? '' : `, which runs \`${candidate}\`,`;
    return {
      rule: 'commands',
      status: 'fail',
      code: 'command_denied',
      message: `command \`${parts.whole}\`${runs} matches deny_commands pattern \`${pattern}\`: remove it from the job, or change guardrails.${ctx.envKey}.deny_commands in ${ctx.input.policy.file}`,
      ...ctx.locate(['deny_commands', index]),
    };
  }
  return undefined;
}

function allowFinding(ctx: GuardContext, parts: CommandParts, patterns: Patterns): Finding | undefined {
  if (patterns.allow.length === 0) return undefined;
  const stray = parts.segments.find((segment) => !patterns.allow.some((re) => re.test(segment)));
  if (stray === undefined) return undefined;
  const within = stray === parts.whole ? '' : ` (in \`${parts.whole}\`)`;
  return {
    rule: 'commands',
    status: 'fail',
    code: 'command_not_allowed',
    message: `command \`${stray}\`${within} matches no allow_commands pattern: run only allowed commands, or add a pattern to guardrails.${ctx.envKey}.allow_commands in ${ctx.input.policy.file}`,
    ...ctx.locate(['allow_commands']),
  };
}

/**
 * The commands rule. Each command is whitespace-normalised and cut into the simple commands it runs
 * (see `commandParts`). A deny pattern matching the whole command or any part denies it; with an
 * allow list, every part must match an allow pattern (matching the whole is not enough, or
 * `terraform plan*` would let `terraform plan && terraform destroy` through). Sensitive patterns
 * are matched like deny patterns and only reported.
 */
export function checkCommands(ctx: GuardContext): CommandsCheck {
  const {
    deny_commands: deny = [],
    allow_commands: allow = [],
    sensitive_commands: sensitive = [],
  } = ctx.guardrail;
  if (deny.length + allow.length + sensitive.length === 0) return { findings: [], sensitive: [] };
  const commands = (ctx.input.commands ?? []).map(commandParts).filter((parts) => parts.whole !== '');
  if (commands.length === 0) {
    const message = 'the job declared no commands, so the command rules had nothing to check';
    return {
      findings: [{ rule: 'commands', status: 'skip', code: 'no_commands', message, ...ctx.locate([]) }],
      sensitive: [],
    };
  }
  const patterns: Patterns = {
    denyText: deny,
    deny: deny.map(compileGlob),
    allow: allow.map(compileGlob),
    sensitive: sensitive.map(compileGlob),
  };
  const findings = commands.flatMap((parts) => {
    const finding = denyFinding(ctx, parts, patterns) ?? allowFinding(ctx, parts, patterns);
    return finding ? [finding] : [];
  });
  const flagged = commands
    .filter((parts) => parts.candidates.some((c) => patterns.sensitive.some((re) => re.test(c))))
    .map((parts) => parts.whole);
  if (findings.length > 0) return { findings, sensitive: flagged };
  const note = flagged.length > 0 ? `; sensitive: ${flagged.map((c) => `\`${c}\``).join(', ')}` : '';
  const message = `${commands.length} command(s) pass the command rules${note}`;
  return {
    findings: [{ rule: 'commands', status: 'pass', code: 'commands_allowed', message, ...ctx.locate([]) }],
    sensitive: flagged,
  };
}
