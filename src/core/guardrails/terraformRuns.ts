import type { SimpleCommand } from './commandParts.js';

/** A `terraform` (or `tofu`) command that changes infrastructure. */
export interface TerraformRun {
  /** The command as it runs, for messages. */
  command: string;
  /** `destroy`: `terraform destroy` or `apply -destroy`; `replan`: an apply without a saved plan file. */
  kind: 'destroy' | 'replan' | 'saved';
  /** The saved plan file an apply names (`terraform apply plan.tfplan`). */
  planFile?: string;
}

const TOOLS = new Set(['terraform', 'tofu']);
/** `terraform apply` options whose value may be the next word (Go's flag package allows `-var x=1`). */
const VALUE_OPTIONS = new Set([
  'var',
  'var-file',
  'target',
  'replace',
  'exclude',
  'parallelism',
  'lock-timeout',
]);
const VALUE_OPTIONS_LEGACY = new Set(['state', 'state-out', 'backup']);
const FALSE = /^(?:0|f|false)$/i;

/** Reads `apply`'s arguments: whether it plans a destroy, and its first operand (a saved plan file). */
function readApply(args: readonly string[]): { destroy: boolean; planFile?: string } {
  let destroy = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return { destroy, planFile: args[i + 1] };
    if (!arg.startsWith('-') || arg === '-') return { destroy, planFile: arg };
    const [name = '', value] = arg.replace(/^--?/, '').split(/=(.*)/s);
    if (name === 'destroy' && (value === undefined || !FALSE.test(value))) destroy = true;
    if (value === undefined && (VALUE_OPTIONS.has(name) || VALUE_OPTIONS_LEGACY.has(name))) i++;
  }
  return { destroy };
}

/**
 * The `terraform apply` and `terraform destroy` commands among simple commands (global options
 * such as `-chdir=infra` skipped): destroys (`destroy`, `apply -destroy`), applies of a saved plan
 * file, and applies that plan again (`terraform apply -auto-approve`), whose result no checked
 * plan can show. `xargs terraform` with no subcommand counts as a destroy: its input may say so.
 */
export function terraformRuns(commands: readonly SimpleCommand[]): TerraformRun[] {
  return commands.flatMap((c): TerraformRun[] => {
    const [name = '', ...rest] = c.argv;
    const at = rest.findIndex((w) => !w.startsWith('-'));
    const subcommand = rest[at];
    const command = c.argv.join(' ');
    // Behind xargs, standard input may supply the subcommand: `echo destroy | xargs terraform`.
    if (TOOLS.has(name) && subcommand === undefined && c.openEnded) return [{ command, kind: 'destroy' }];
    if (!TOOLS.has(name) || (subcommand !== 'apply' && subcommand !== 'destroy')) return [];
    if (subcommand === 'destroy') return [{ command, kind: 'destroy' }];
    const { destroy, planFile } = readApply(rest.slice(at + 1));
    if (destroy) return [{ command, kind: 'destroy' }];
    return planFile === undefined ? [{ command, kind: 'replan' }] : [{ command, kind: 'saved', planFile }];
  });
}
