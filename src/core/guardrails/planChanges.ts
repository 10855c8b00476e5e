/** What a Terraform plan would destroy and replace, by resource address, or why it cannot be read. */
export type PlanChanges = { destroy: string[]; replace: string[] } | { error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readActions(change: unknown): string[] | undefined {
  const actions = isRecord(change) ? change.actions : undefined;
  return Array.isArray(actions) && actions.every((a) => typeof a === 'string') ? actions : undefined;
}

function readChanges(plan: Record<string, unknown>): unknown[] | { error: string } {
  const changes = plan.resource_changes;
  if (Array.isArray(changes)) return changes;
  // Terraform omits an empty `resource_changes`; a plan still has `planned_values`, a state file does not.
  if (changes === undefined && isRecord(plan.planned_values)) return [];
  return {
    error: 'it has no `resource_changes` list (is it `terraform show -json` of a state, not of a plan?)',
  };
}

/**
 * Reads `terraform show -json PLANFILE` output (format_version 1.x, see
 * https://developer.hashicorp.com/terraform/internals/json-format). `["delete"]` is a destroy;
 * `["delete","create"]` and `["create","delete"]` (create_before_destroy) are replaces; `no-op`,
 * `create`, `read`, `update` and `forget` change nothing that exists. An errored plan is unreadable.
 */
export function planChanges(plan: unknown): PlanChanges {
  if (!isRecord(plan)) return { error: 'it is not a JSON object' };
  const version = plan.format_version;
  if (typeof version !== 'string' || !/^1(\.|$)/.test(version)) {
    const found =
      version === undefined ? 'it has no format_version' : `its format_version is ${JSON.stringify(version)}`;
    return { error: `${found}, but grantops reads format 1.x` };
  }
  if (plan.errored === true) return { error: 'Terraform reported the plan as errored (incomplete)' };
  const changes = readChanges(plan);
  if (!Array.isArray(changes)) return changes;
  const destroy: string[] = [];
  const replace: string[] = [];
  for (const [i, entry] of changes.entries()) {
    const address =
      isRecord(entry) && typeof entry.address === 'string' ? entry.address : `resource_changes[${i}]`;
    const actions = readActions(isRecord(entry) ? entry.change : undefined);
    if (!actions) return { error: `${address} has no \`change.actions\` list` };
    if (actions.includes('delete') && actions.includes('create')) replace.push(address);
    else if (actions.includes('delete')) destroy.push(address);
  }
  return { destroy, replace };
}
