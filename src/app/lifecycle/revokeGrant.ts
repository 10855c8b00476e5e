import { accessLevelFor, planRevoke, standingLevelOf } from '../../core/access/index.js';
import { holdsAccess, openRecord, type GrantRecord } from '../../core/lifecycle/index.js';
import { formatUtc } from '../../core/time/index.js';
import type { Grant, Resource } from '../../core/types.js';
import type { RevertPull } from '../../github/port.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { providerFor } from './providerFor.js';
import { mergeRevertPull } from './mergeRevertPull.js';
import { findRecordedPull, sealScope } from './recordedPull.js';
import { retryFailures, type RetryPolicy } from './retryFailures.js';
import { saveRecord } from './saveRecord.js';
import { targetOf } from './targetOf.js';

export const NO_RECORD_MARKER = '<!-- grantops:no-record -->';

/** A recorded grant to take back. */
export interface GrantToRevoke {
  branch: string;
  /** Its reverting PR, open or (when merged early by a person) closed; its record is checked before use. */
  pull: RevertPull | undefined;
  /** True when the grant file is still on the default branch: merge the reverting PR. Else close it. */
  fileOnMain: boolean;
  activeGrants: readonly Grant[];
  /** Records of the grantee's other live grants of the same resource (they keep what they need). */
  siblings: (record: GrantRecord) => Promise<readonly GrantRecord[]>;
  /**
   * The grant file as on the default branch and its resource, when known: with no record grantops
   * sealed (edited, forged, or lost with its PR), the access is still taken back, entirely.
   */
  fallback?: () => Promise<Fallback | undefined>;
}

/** A grant file as it was on the default branch, with its resource's settings. */
export interface Fallback {
  file: string;
  grant: Grant;
  resource: Resource;
}

/** A record for a grant whose own cannot be trusted: nothing known before, so everything granted goes. */
function unrecorded(fallback: Fallback): GrantRecord {
  const { file, grant, resource } = fallback;
  return {
    v: 1,
    file,
    blob: '',
    grantee: grant.grantee,
    resource: grant.resource,
    resourceConfig: resource,
    role: grant.role,
    starts: grant.starts,
    expires: grant.expires,
    emergency: grant.emergency ?? false,
    requestPr: undefined,
    requestedBy: undefined,
    approvers: [],
    before: 'none',
    granted: accessLevelFor(resource, grant.role),
    state: 'applied',
    appliedAt: undefined,
    revokedAt: undefined,
    attempts: 0,
    lastError: undefined,
    warned: false,
  };
}

/**
 * Takes a grant's access back at expiry (or when its file was removed), whether or not its PR can
 * be merged: revoke through the provider as planned by core (restoring what the grantee had before,
 * keeping what other grants still need), record the outcome, then merge or close the reverting PR.
 * A failed revoke is recorded as irrevocable and retried by every sweep. Repeating it is harmless.
 */
export async function revokeGrant(
  ctx: LifecycleContext,
  item: GrantToRevoke,
  retry: RetryPolicy,
): Promise<GrantRecord | undefined> {
  const given = item.pull && openRecord(item.pull.body, sealScope(ctx, item.pull.number));
  const { pull, record: recorded } =
    item.pull && given?.status === 'sealed'
      ? { pull: item.pull, record: given.record }
      : await findRecordPull(ctx, item.branch);
  if (pull && !pull.open && recorded?.state === 'revoked') {
    // Revoked and its PR closed, but the branch was left behind (GitHub refused its deletion once).
    await ctx.port.deleteBranch(ctx.repo, item.branch);
    return recorded;
  }
  const fallback = pull && !recorded && item.fallback ? await item.fallback() : undefined;
  if (pull && fallback) {
    ctx.log.error(
      { branch: item.branch, pull: pull.number, file: fallback.file },
      `the reverting PR #${pull.number} of ${fallback.file} holds no record grantops sealed: taking back all of ${fallback.grant.resource} from ${fallback.grant.grantee}, as if they had none before`,
    );
    return ctx.lock.run(fallback.grant.resource, async () => {
      const record = await takeBack(ctx, unrecorded(fallback), item, retry);
      const saved = await saveRecord(ctx, pull, record);
      if (record.state === 'revoked')
        await mergeRevertPull(ctx, { pull: saved, record, branch: item.branch, fileOnMain: item.fileOnMain });
      return record;
    });
  }
  if (!pull || !recorded) {
    ctx.log.error(
      { branch: item.branch, pull: pull?.number },
      `cannot revoke ${item.branch}: its record is missing; check the access by hand`,
    );
    if (pull)
      await ctx.port.upsertComment(
        ctx.repo,
        pull.number,
        NO_RECORD_MARKER,
        'grantops cannot find the record of this grant in this pull request, so it cannot revoke the access safely. Check the access by hand, then close this pull request.',
      );
    return undefined;
  }
  return ctx.lock.run(recorded.resource, async () => {
    let record: GrantRecord = recorded;
    // A record still "scheduled" after its start may be an older body put back over "applied"
    // (records are sealed per PR, not per write): take back whatever it grants, to be sure.
    const started =
      record.state === 'scheduled' && record.starts !== undefined && Date.parse(record.starts) <= ctx.now();
    if (holdsAccess(record) || started) record = await takeBack(ctx, record, item, retry);
    else if (record.state === 'scheduled')
      record = { ...record, state: 'revoked', revokedAt: formatUtc(ctx.now()) };
    const saved = await saveRecord(ctx, pull, record);
    if (record.state === 'revoked')
      await mergeRevertPull(ctx, { pull: saved, record, branch: item.branch, fileOnMain: item.fileOnMain });
    return record;
  });
}

/** The sealed record on the open reverting PR of a branch; with no open PR, on its latest closed one (which still counts). */
async function findRecordPull(ctx: LifecycleContext, branch: string) {
  const open = await findRecordedPull(ctx, branch);
  // An open PR is this grant's: without a sealed record on it, an older PR's record (an earlier
  // grant of the same file) must not stand in for it.
  if (open.record || open.pull) return open;
  return findRecordedPull(ctx, branch, 'all');
}

async function takeBack(
  ctx: LifecycleContext,
  record: GrantRecord,
  item: GrantToRevoke,
  retry: RetryPolicy,
): Promise<GrantRecord> {
  const resource = record.resourceConfig;
  const provider = providerFor({
    provider: resource.provider,
    client: ctx.providerClient,
    org: ctx.org,
    env: ctx.env,
    activeGrants: item.activeGrants,
    clock: ctx.now,
  });
  const target = targetOf(record);
  const granted = record.granted ?? accessLevelFor(resource, record.role);
  const others = (await item.siblings(record))
    .filter((s) => s.file !== record.file && holdsAccess(s) && s.granted)
    .map((s) => s.granted!);
  let result;
  try {
    const current = await provider.read(target);
    const change = planRevoke({
      provider: resource.provider,
      before: record.before ?? 'none',
      current,
      granted,
      mode: resource.mode ?? 'additive',
      standing: standingLevelOf(resource, record.grantee),
      otherActiveGrants: others,
    });
    result = await retryFailures(() => provider.revoke(target, change), retry);
  } catch (error) {
    result = { status: 'failed' as const, reason: (error as Error).message, retryable: true };
  }
  const next = { ...record, attempts: record.attempts + 1 };
  if (result.status === 'failed') {
    ctx.log.error(
      { file: record.file, grantee: record.grantee, resource: record.resource, error: result.reason },
      `revoking ${record.file} failed: ${result.reason}`,
    );
    return { ...next, state: 'revoke-failed', lastError: result.reason };
  }
  ctx.log.info(
    { file: record.file, grantee: record.grantee, resource: record.resource, level: result.level },
    `revoked ${record.resource} from ${record.grantee}`,
  );
  return { ...next, state: 'revoked', revokedAt: formatUtc(ctx.now()), lastError: undefined };
}
