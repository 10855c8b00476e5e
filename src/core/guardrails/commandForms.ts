import type { SimpleCommand } from './commandParts.js';
import { normalizeCommand } from './normalizeCommand.js';

/** Options of tools whose value is the next word (`--context prod`), so the value goes with the option. */
const KUBECTL = [
  ...['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--token'],
  ...['--as', '--as-group', '--as-uid', '--certificate-authority', '--client-certificate', '--client-key'],
  ...['--request-timeout', '--cache-dir', '-v', '--v', '--vmodule', '--log-file', '--username', '--password'],
  ...['--tls-server-name', '-l', '--selector', '-f', '--filename', '-o', '--output', '--field-selector'],
  ...['--grace-period', '--timeout', '-c', '--container', '-k', '--kustomize'],
];
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  kubectl: KUBECTL,
  oc: KUBECTL,
  helm: ['-n', '--namespace', '--kube-context', '--kubeconfig', '--kube-token', '--kube-apiserver'],
  git: ['-C', '-c', '--git-dir', '--work-tree', '--namespace'],
  docker: ['-c', '--context', '-H', '--host', '--config', '-l', '--log-level'],
};

/** Tools whose flags may come anywhere, even between the verb and its object (`delete -n web namespace x`). */
const INTERLEAVED = new Set(['kubectl', 'oc', 'helm']);

/** Drops options (and the values of `values` options): only those before the first operand, or `anywhere`. */
function dropOptions(args: readonly string[], values: readonly string[], anywhere: boolean): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--' && kept.length === 0) return args.slice(i + 1);
    if (arg.startsWith('-') && arg !== '-' && (anywhere || kept.length === 0)) {
      if (values.includes(arg)) i++;
    } else kept.push(arg);
  }
  return kept;
}

/**
 * Every form of a simple command a deny pattern is tried on: as written; as it runs (wrappers,
 * paths and assignments removed); without the tool's global options before its subcommand
 * (`terraform -chdir=infra destroy`, `kubectl --context prod delete`); and, for kubectl, oc and
 * helm, without any flags at all. More forms only make deny patterns match more, never less.
 */
export function commandForms(command: SimpleCommand): string[] {
  const [name = '', ...args] = command.argv;
  const values = VALUE_OPTIONS[name] ?? [];
  const forms = [
    command.written,
    command.argv.join(' '),
    [name, ...dropOptions(args, values, false)].join(' '),
  ];
  if (INTERLEAVED.has(name)) forms.push([name, ...dropOptions(args, values, true)].join(' '));
  return [...new Set(forms.map(normalizeCommand))];
}
