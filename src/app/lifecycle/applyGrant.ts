import { accessLevelFor, planApply, type AccessLevel } from '../../core/access/index.js';
import { LABELS, openRecord, revertBranch, type GrantRecord } from '../../core/lifecycle/index.js';
import { grantWindow } from '../../core/grantWindow.js';
import { formatUtc } from '../../core/time/index.js';
import type { Grant, Resource } from '../../core/types.js';
import type { RevertPull } from '../../github/port.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { providerFor } from './providerFor.js';
import { findRecordedPull, sealScope } from './recordedPull.js';
import { revertBody, revertTitle } from './renderRevertPull.js';
import { retryFailures, type RetryPolicy } from './retryFailures.js';
import { saveRecord } from './saveRecord.js';
import { targetOf } from './targetOf.js';

/** A grant to apply, as found on the default branch. */
export interface GrantToApply {
  file: string;
  grant: Grant;
  blob: string;
  resource: Resource;
  request: { pr: number; author: string; approvers: string[] } | undefined;
  /** Grants active now on the default branch (the environment provider reads them). */
  activeGrants: readonly Grant[];
  /** Records of the grantee's other live grants of the same resource. */
  siblings: readonly GrantRecord[];
}

export interface ApplyOutcome {
  record: GrantRecord;
  pull: RevertPull;
}

function newRecord(
  item: GrantToApply,
  before: AccessLevel | undefined,
  granted: AccessLevel,
  now: number,
): GrantRecord {
  const window = grantWindow(item.grant)!;
  return {
    v: 1,
    file: item.file,
    blob: item.blob,
    grantee: item.grant.grantee,
    resource: item.grant.resource,
    resourceConfig: item.resource,
    role: item.grant.role,
    starts: window.startsAt === undefined ? undefined : formatUtc(window.startsAt),
    expires: formatUtc(window.expiresAt),
    emergency: item.grant.emergency ?? false,
    requestPr: item.request?.pr,
    requestedBy: item.request?.author,
    approvers: item.request?.approvers ?? [],
    before,
    granted,
    state: window.startsAt !== undefined && window.startsAt > now ? 'scheduled' : 'applying',
    appliedAt: undefined,
    revokedAt: undefined,
    attempts: 0,
    lastError: undefined,
    warned: false,
  };
}

/**
 * Applies one grant, in the order that survives a crash at any step: read the access the grantee
 * already has, record it on the scheduled reverting PR (opened now, deterministic branch), then
 * apply, read back, and record the outcome. A grant that starts later is only recorded. A repeated
 * call finds the record and does nothing twice; a changed grant (an extension) updates the record
 * and moves the reverting branch onto the new file.
 */
export async function applyGrant(
  ctx: LifecycleContext,
  item: GrantToApply,
  retry: RetryPolicy,
): Promise<ApplyOutcome> {
  return ctx.lock.run(item.grant.resource, async () => {
    const now = ctx.now();
    const provider = providerFor({
      provider: item.resource.provider,
      client: ctx.providerClient,
      org: ctx.org,
      env: ctx.env,
      activeGrants: item.activeGrants,
      clock: ctx.now,
    });
    const branch = revertBranch(item.file);
    const granted = accessLevelFor(item.resource, item.grant.role);
    const found = await findRecordedPull(ctx, branch);
    let pull = found.pull;
    // A record is about this grant only if it names its grantee and resource (the check refuses a
    // file that changes grantee, so anything else was put there by someone other than grantops).
    const same = (r: GrantRecord | undefined) =>
      r !== undefined &&
      r.grantee.toLowerCase() === item.grant.grantee.toLowerCase() &&
      r.resource === item.grant.resource;
    let recorded = same(found.record) ? found.record : undefined;
    // An open reverting PR without a record grantops sealed was edited or forged: what the grantee
    // had before cannot be known, so revocation will take all of this resource's access away.
    const untrusted = pull !== undefined && recorded === undefined;
    if (untrusted)
      ctx.log.error(
        { file: item.file, pull: pull!.number },
        `the reverting PR #${pull!.number} of ${item.file} holds no record grantops sealed: the access held before is taken as none, so at expiry all access to ${item.grant.resource} is removed from ${item.grant.grantee}; check it by hand`,
      );
    if (!pull) {
      // No open reverting PR: its branch may have been deleted, which closes the PR. A sealed record
      // of this grant on a closed PR still holds what the grantee had before: keep it.
      const closed = await findRecordedPull(ctx, branch, 'all');
      if (same(closed.record) && closed.record!.state !== 'revoked') recorded = closed.record;
    }
    const fresh = newRecord(item, undefined, granted, now);
    let record: GrantRecord = recorded
      ? {
          ...recorded,
          blob: item.blob,
          expires: fresh.expires,
          starts: fresh.starts,
          role: fresh.role,
          granted,
          resourceConfig: item.resource,
          // an extension is its own approved request: the record names the one behind the current expiry
          ...(item.request
            ? { requestPr: fresh.requestPr, requestedBy: fresh.requestedBy, approvers: fresh.approvers }
            : {}),
          warned: recorded.expires === fresh.expires && recorded.warned,
          state:
            recorded.state === 'revoked' || recorded.state === 'scheduled' ? fresh.state : recorded.state,
        }
      : fresh;
    if (
      pull &&
      recorded &&
      recorded.blob === item.blob &&
      (recorded.state === 'applied' || recorded.state === 'pending')
    )
      return { record: recorded, pull };
    if (record.state !== 'scheduled' && record.before === undefined) {
      // What no grantops grant explains: a sibling's recorded `before`, else what the grantee has now
      // (nothing of this grant was applied yet), unless the PR's record cannot be trusted.
      const sibling = item.siblings.find((s) => s.before !== undefined);
      const before = untrusted ? 'none' : sibling ? sibling.before : await provider.read(targetOf(record));
      record = { ...record, before };
    }
    if (!pull) {
      const opened = await ctx.port.openRevertPull(ctx.repo, {
        branch,
        file: item.file,
        baseBranch: ctx.defaultBranch,
        title: revertTitle(record),
        body: revertBody(record), // the sealed record follows once the PR has its number
        labels: [
          LABELS.revoke,
          ...(record.state === 'scheduled' ? [LABELS.scheduled] : []),
          ...(record.emergency ? [LABELS.emergency] : []),
        ],
      });
      // Another replica may have opened it first: its record's `before` was read before anything was applied.
      if (opened.builtHead) record = { ...record, revertHead: opened.builtHead };
      const theirs = openRecord(opened.body, sealScope(ctx, opened.number));
      if (theirs.status === 'sealed' && theirs.record.before !== undefined)
        record = { ...record, before: theirs.record.before };
      // The seal names the PR, so the record is written once the PR exists, before anything is applied.
      pull = await saveRecord(ctx, opened, record);
    } else if (recorded && recorded.blob !== item.blob) {
      const revertHead = await ctx.port.rebuildRevertBranch(ctx.repo, {
        branch,
        file: item.file,
        baseBranch: ctx.defaultBranch,
        message: revertTitle(record),
      });
      record = { ...record, revertHead };
    }
    ctx.wakeAt?.(Date.parse(record.expires));
    if (record.state === 'scheduled') {
      if (record.starts) ctx.wakeAt?.(Date.parse(record.starts));
      return { record, pull: await saveRecord(ctx, pull, record) };
    }
    if (recorded && recorded.state !== 'applying')
      pull = await saveRecord(ctx, pull, { ...record, state: 'applying' });
    const target = targetOf(record);
    const current = await provider.read(target);
    const result = await retryFailures(
      () => provider.apply(target, planApply({ before: current, desired: granted })),
      retry,
    );
    record = { ...record, attempts: record.attempts + 1 };
    if (result.status === 'failed') {
      record = { ...record, state: 'apply-failed', lastError: result.reason };
      ctx.log.error(
        {
          file: item.file,
          grantee: record.grantee,
          resource: record.resource,
          error: result.reason,
          retryable: result.retryable,
        },
        `applying ${item.file} failed: ${result.reason}`,
      );
    } else {
      record = {
        ...record,
        state: result.status === 'pending' ? 'pending' : 'applied',
        appliedAt: record.appliedAt ?? formatUtc(ctx.now()),
        lastError: undefined,
      };
      ctx.log.info(
        {
          file: item.file,
          grantee: record.grantee,
          resource: record.resource,
          level: result.level,
          status: result.status,
        },
        `granted ${record.resource} to ${record.grantee} until ${record.expires}`,
      );
    }
    return { record, pull: await saveRecord(ctx, pull, record) };
  });
}
