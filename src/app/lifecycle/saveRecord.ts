import { LABELS, type GrantRecord } from '../../core/lifecycle/index.js';
import type { RevertPull } from '../../github/port.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { sealScope } from './recordedPull.js';
import { revertBody, revertTitle } from './renderRevertPull.js';

/**
 * Writes a record to its reverting PR (title and body), and keeps the labels that let a sweep
 * find scheduled and failed grants in one listing. Writes nothing that is already there.
 */
export async function saveRecord(
  ctx: LifecycleContext,
  pull: RevertPull,
  record: GrantRecord,
): Promise<RevertPull> {
  const body = revertBody(record, sealScope(ctx, pull.number));
  const title = revertTitle(record);
  if (body !== pull.body) await ctx.port.updatePull(ctx.repo, pull.number, { title, body });
  const want = {
    [LABELS.scheduled]: record.state === 'scheduled',
    [LABELS.failed]: record.state === 'apply-failed' || record.state === 'revoke-failed',
  };
  const labels = new Set(pull.labels);
  const add = Object.entries(want)
    .filter(([label, on]) => on && !labels.has(label))
    .map(([label]) => label);
  if (add.length > 0) await ctx.port.addLabels(ctx.repo, pull.number, add);
  for (const [label, on] of Object.entries(want)) {
    if (!on && labels.has(label)) await ctx.port.removeLabel(ctx.repo, pull.number, label);
  }
  for (const label of add) labels.add(label);
  for (const [label, on] of Object.entries(want)) if (!on) labels.delete(label);
  return { ...pull, body, labels: [...labels] };
}
