import { holdsAccess } from '../../core/lifecycle/index.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { findRecordedPull } from './recordedPull.js';
import { saveRecord } from './saveRecord.js';

export const WARN_MARKER = '<!-- grantops:expiry-warning -->';

/**
 * Tells the grantee, on the reverting PR (which notifies them), that the access ends soon and how
 * to extend it. Once per expiry: the record remembers it, and an extension resets it.
 */
export async function warnGrantee(ctx: LifecycleContext, branch: string): Promise<boolean> {
  const { pull, record } = await findRecordedPull(ctx, branch);
  if (!pull || !record || record.warned || !holdsAccess(record)) return false;
  const minutes = Math.max(0, Math.round((Date.parse(record.expires) - ctx.now()) / 60_000));
  await ctx.port.upsertComment(
    ctx.repo,
    pull.number,
    WARN_MARKER,
    `@${record.grantee} your access to **${record.resource}** ends in about ${minutes} minutes (${record.expires}). To keep it, open a pull request that moves \`expires\` in \`${record.file}\` (\`grantops request ${record.resource} --for <duration> --reason "..."\`); it is approved like a new request.`,
  );
  await saveRecord(ctx, pull, { ...record, warned: true });
  ctx.log.info(
    { file: record.file, grantee: record.grantee },
    `warned ${record.grantee} that ${record.resource} expires at ${record.expires}`,
  );
  return true;
}
