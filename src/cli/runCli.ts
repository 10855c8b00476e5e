import { EXIT, IoError, UsageError, type CliContext } from './cliContext.js';
import { audit, auditUsage } from './commands/audit.js';
import { check, checkUsage } from './commands/check.js';
import { owners, ownersUsage } from './commands/owners.js';
import { plan, planUsage } from './commands/plan.js';
import { request, requestUsage } from './commands/request.js';
import { sweep, sweepUsage } from './commands/sweep.js';
import { validate, validateUsage } from './commands/validate.js';

type Command = (args: readonly string[], context: CliContext) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string; summary: string }> = {
  validate: {
    run: validate,
    usage: validateUsage,
    summary: 'schema and policy checks of a grants repo checkout',
  },
  plan: {
    run: plan,
    usage: planUsage,
    summary: 'active, scheduled and expired grants; what a sweep would revoke',
  },
  owners: { run: owners, usage: ownersUsage, summary: 'who must approve each path (CODEOWNERS)' },
  check: {
    run: check,
    usage: checkUsage,
    summary: 'the guardrail decision for a deploy: exit 0 allowed, 1 blocked',
  },
  request: { run: request, usage: requestUsage, summary: 'write a valid grant file' },
  sweep: {
    run: sweep,
    usage: sweepUsage,
    summary: 'one expiry sweep of every installation (App credentials from the environment)',
  },
  audit: {
    run: audit,
    usage: auditUsage,
    summary: 'who was granted what, approved by whom, when (CSV, JSON)',
  },
};

/** The help text: every command with its usage and what it does. */
export function helpText(commands = COMMANDS): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `grantops: just-in-time access as code\n\nUsage:\n${lines.join('\n')}\n\nExit codes: 0 ok, 1 found a problem, 2 usage or I/O error.\n`;
}

/**
 * Runs one CLI invocation and returns its exit code. A user's mistake prints a message, never a
 * stack trace; an unexpected error prints one line and, with GRANTOPS_DEBUG=1, the stack.
 */
export async function runCli(
  argv: readonly string[],
  context: CliContext,
  commands = COMMANDS,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? context.stdout : context.stderr)(helpText(commands));
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command || !Object.hasOwn(commands, name)) {
    context.stderr(`grantops: unknown command "${name}"\n\n${helpText(commands)}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    context.stdout(`usage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`grantops ${name}: ${error.message}\nusage: ${command.usage}\n`);
    } else if (error instanceof IoError) {
      context.stderr(`grantops ${name}: ${error.message}\n`);
    } else {
      context.stderr(`grantops ${name}: unexpected error: ${(error as Error).message}\n`);
      if (context.env.GRANTOPS_DEBUG) context.stderr(`${(error as Error).stack}\n`);
    }
    return EXIT.usage;
  }
}
