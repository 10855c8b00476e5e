import { resolve } from 'node:path';
import { planGrants, type PlannedGrant } from '../../core/planGrants.js';
import { validateRepo } from '../../core/validateRepo.js';
import { EXIT, type CliContext } from '../cliContext.js';
import { loadCheckout } from '../loadCheckout.js';
import { parseOptions, resolveNow } from '../parseOptions.js';
import { renderTable } from '../renderTable.js';

export const planUsage = 'grantops plan [DIR] [--at TIME] [--json]';

/** `grantops plan`: active, scheduled and expired grants, and what a sweep would revoke now. */
export async function plan(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseOptions(args, { at: { type: 'string' }, json: { type: 'boolean' } });
  const now = resolveNow(values.at, context);
  const repo = await loadCheckout(resolve(context.cwd, positionals[0] ?? '.'));
  const problems = validateRepo({ repo, now });
  const result = planGrants({ repo, problems, now });
  const exit = result.invalid.length > 0 ? EXIT.problem : EXIT.ok;
  if (values.json) {
    context.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return exit;
  }
  const section = (title: string, grants: PlannedGrant[]) => {
    context.stdout(`${title} (${grants.length})\n`);
    if (grants.length === 0) return;
    const rows = grants.map((g) => [
      g.grantee,
      g.resource,
      g.role ?? '',
      g.starts ?? 'on merge',
      g.expires,
      g.emergency ? 'EMERGENCY' : '',
      g.file,
    ]);
    context.stdout(`${renderTable(['grantee', 'resource', 'role', 'from', 'until', '', 'file'], rows)}\n`);
  };
  context.stdout(`Grants at ${result.at}\n\n`);
  section('Active', result.active);
  section('Scheduled', result.scheduled);
  section('Expired, waiting to be revoked', result.expired);
  context.stdout(
    `\nA sweep now would revoke ${result.revoke.length} grant${result.revoke.length === 1 ? '' : 's'}.\n`,
  );
  if (result.invalid.length > 0) {
    context.stdout(
      `${result.invalid.length} grant file(s) have errors and are not planned; run \`grantops validate\`:\n`,
    );
    for (const file of result.invalid) context.stdout(`  ${file}\n`);
  }
  return exit;
}
