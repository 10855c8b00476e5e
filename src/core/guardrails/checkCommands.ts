import { commandForms } from './commandForms.js';
import { commandParts, type CommandParts, type SimpleCommand } from './commandParts.js';
import { compileGlob } from './compileGlob.js';
import type { Finding, GuardContext } from './finding.js';
import { normalizeCommand } from './normalizeCommand.js';

/** The commands rule's findings, and the sensitive commands it saw (for the `sensitive` alert). */
export interface CommandsCheck {
  findings: Finding[];
  sensitive: string[];
}

interface Pattern {
  /** As written in the policy, whitespace normalised, for messages. */
  text: string;
  re: RegExp;
  /** The text before the first wildcard: what a command behind `xargs` may grow into. */
  literal: string;
}

const compile = (text: string): Pattern => {
  const normalized = normalizeCommand(text);
  return {
    text: normalized,
    re: compileGlob(normalized),
    literal: (/^[^*?[{\\]*/.exec(normalized) as RegExpExecArray)[0],
  };
};

/**
 * The form of `command` a pattern matches, if any. Behind `xargs` the command may gain arguments
 * from standard input, so `xargs terraform` matches `terraform destroy*` too.
 */
function matchingForm(command: SimpleCommand, pattern: Pattern): string | undefined {
  const forms = commandForms(command);
  const form = forms.find((f) => pattern.re.test(f));
  if (form !== undefined || !command.openEnded) return form;
  return forms.find((f) => pattern.literal.startsWith(`${f} `));
}

function unparseableFinding(ctx: GuardContext, parts: CommandParts, problem: string): Finding {
  return {
    rule: 'commands',
    status: 'fail',
    code: 'command_unparseable',
    message: `command \`${parts.whole}\` cannot be checked (${problem}), so the command rules fail closed: write it as plain commands the guardrails can read`,
    ...ctx.locate([]),
  };
}

function denyFinding(ctx: GuardContext, parts: CommandParts, deny: readonly Pattern[]): Finding | undefined {
  for (const [index, pattern] of deny.entries()) {
    const whole = pattern.re.test(parts.whole) ? parts.whole : undefined;
    const runs = whole ?? parts.commands.map((c) => matchingForm(c, pattern)).find((f) => f !== undefined);
    if (runs === undefined) continue;
    const which = runs === parts.whole ? '' : `, which runs \`${runs}\`,`;
    return {
      rule: 'commands',
      status: 'fail',
      code: 'command_denied',
      message: `command \`${parts.whole}\`${which} matches deny_commands pattern \`${pattern.text}\`: remove it from the job, or change guardrails.${ctx.envKey}.deny_commands in ${ctx.input.policy.file}`,
      ...ctx.locate(['deny_commands', index]),
    };
  }
  return undefined;
}

function allowFinding(
  ctx: GuardContext,
  parts: CommandParts,
  allow: readonly Pattern[],
): Finding | undefined {
  if (allow.length === 0) return undefined;
  const stray = parts.commands.find((c) => !allow.some((p) => p.re.test(c.written)));
  if (stray === undefined) return undefined;
  const within = stray.written === parts.whole ? '' : ` (in \`${parts.whole}\`)`;
  return {
    rule: 'commands',
    status: 'fail',
    code: 'command_not_allowed',
    message: `command \`${stray.written}\`${within} matches no allow_commands pattern: run only allowed commands, or add a pattern to guardrails.${ctx.envKey}.allow_commands in ${ctx.input.policy.file}`,
    ...ctx.locate(['allow_commands']),
  };
}

const isSensitive = (parts: CommandParts, sensitive: readonly Pattern[]): boolean =>
  sensitive.some(
    (p) => p.re.test(parts.whole) || parts.commands.some((c) => matchingForm(c, p) !== undefined),
  );

/**
 * The commands rule. Each command is read like a shell reads it (see `commandParts`) and cut into
 * the simple commands it runs, nested ones included. A deny pattern denies a command when it
 * matches the whole command or any form of any simple command in it (see `commandForms`); with an
 * allow list, every simple command as written (wrappers, paths and assignments included) must
 * match an allow pattern. A command the tokenizer cannot read fails closed
 * (`command_unparseable`). Sensitive patterns are matched like deny patterns and only reported.
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
  const [denied, allowed, flaggedBy] = [deny.map(compile), allow.map(compile), sensitive.map(compile)];
  const findings = commands.flatMap((parts) => {
    const finding =
      (parts.problem === undefined ? undefined : unparseableFinding(ctx, parts, parts.problem)) ??
      denyFinding(ctx, parts, denied) ??
      allowFinding(ctx, parts, allowed);
    return finding ? [finding] : [];
  });
  const flagged = commands.filter((parts) => isSensitive(parts, flaggedBy)).map((parts) => parts.whole);
  if (findings.length > 0) return { findings, sensitive: flagged };
  const note = flagged.length > 0 ? `; sensitive: ${flagged.map((c) => `\`${c}\``).join(', ')}` : '';
  const message = `${commands.length} command(s) pass the command rules${note}`;
  return {
    findings: [{ rule: 'commands', status: 'pass', code: 'commands_allowed', message, ...ctx.locate([]) }],
    sensitive: flagged,
  };
}
