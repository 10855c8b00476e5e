import { classifyChanges } from '../../core/request/index.js';
import {
  LABELS,
  openRecord,
  REVERT_BRANCH_PREFIX,
  revertBranch,
  type GrantRecord,
} from '../../core/lifecycle/index.js';
import { validateGrant } from '../../core/validateGrant.js';
import type { PullRequest, RevertPull } from '../../github/port.js';
import { CHECK_NAME } from '../checkRunIdentity.js';
import { resolveMembership } from '../resolveMembership.js';
import { applyGrant } from './applyGrant.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { grantAsOn, readGrantsState, siblingRecords } from './readGrantsState.js';
import { sealScope } from './recordedPull.js';
import { ownerApprovers, readApprovals } from './ownerApprovers.js';
import { reportApplied, type ApplyReportLine } from './reportApplied.js';
import type { RetryPolicy } from './retryFailures.js';
import { revokeGrant } from './revokeGrant.js';
import { isTeam } from '../../core/checkEligibility.js';

/**
 * On a merge into the default branch: revoke grants the PR removed, and apply the grants it added
 * or changed, each only if grantops' check passed on the merged head (the request was approved),
 * the file's blob at the merge commit is the approved blob, and the grant is still valid now.
 * Anything refused is reported on the PR and never applied.
 */
export async function applyMergedPullRequest(
  ctx: LifecycleContext,
  pr: PullRequest,
  retry: RetryPolicy,
): Promise<ApplyReportLine[]> {
  if (!pr.merged || pr.baseRef !== ctx.defaultBranch || !pr.mergeCommitSha) return [];
  const files = await ctx.port.listPullRequestFiles(ctx.repo, pr.number);
  const changes = classifyChanges(files);
  if (changes.requested.length === 0 && changes.removed.length === 0) return [];
  const state = await readGrantsState(ctx, pr.mergeCommitSha);
  const lines: ApplyReportLine[] = [];
  for (const file of changes.removed) {
    const opened = pr.headRef.startsWith(REVERT_BRANCH_PREFIX)
      ? openRecord(pr.body, sealScope(ctx, pr.number))
      : undefined;
    const own = opened?.status === 'sealed' ? opened.record : undefined;
    const ownRecord = own?.file === file;
    // grantops merged its own reverting PR after revoking: nothing is left to do or to report
    if (ownRecord && own.state === 'revoked') continue;
    const pull: RevertPull | undefined = ownRecord
      ? {
          number: pr.number,
          open: false,
          base: pr.baseRef,
          body: pr.body,
          headSha: pr.headSha,
          labels: pr.labels,
        }
      : undefined;
    const siblings = (record: GrantRecord) => siblingRecords(ctx, state, file, record);
    // With no sealed record, the grant as it was before this PR removed it says what to take back.
    const fallback = async () => grantAsOn(await readGrantsState(ctx, pr.baseSha), file);
    const revoked = await revokeGrant(
      ctx,
      {
        branch: revertBranch(file),
        pull,
        fileOnMain: false,
        activeGrants: state.active,
        siblings,
        fallback,
      },
      retry,
    );
    if (revoked)
      lines.push({
        file,
        outcome: revoked.state === 'revoked' ? 'revoked' : 'revoke failed',
        record: revoked,
      });
  }
  if (changes.requested.length === 0) return lines;
  const refuse = (file: string, why: string) => lines.push({ file, outcome: 'refused', why });
  const check = await ctx.port.findCheckRun(ctx.repo, pr.headSha, CHECK_NAME);
  const approved = changes.kind === 'request' && check?.conclusion === 'success';
  const headBlobs = new Map(files.map((f) => [f.path, f.blobSha]));
  // Read only when something is applied: a refused merge costs no review or team reads.
  let approvals: ReturnType<typeof readApprovals> | undefined;
  const approvalsOnce = () =>
    (approvals ??= readApprovals(ctx.port, ctx.repo, pr, changes.requested, state.repo.codeowners));
  const teams = [
    ...new Set(
      Object.values(state.policy?.resources ?? {})
        .flatMap((r) => r.eligible ?? [])
        .filter(isTeam),
    ),
  ];
  const { membership } = await resolveMembership(ctx.port, teams);
  for (const file of changes.requested) {
    const found = state.valid.find((g) => g.file === file);
    if (!approved)
      refuse(
        file,
        changes.kind === 'request'
          ? `grantops' check did not pass on the merged commit ${pr.headSha.slice(0, 7)}: the request was not approved`
          : 'the pull request also changed other files',
      );
    else if (!found || !state.policy)
      refuse(file, 'the grant is not valid on the default branch after the merge');
    else if (found.blob !== headBlobs.get(file))
      refuse(
        file,
        `the file at the merge commit (${found.blob.slice(0, 7)}) is not the approved file (${headBlobs.get(file)?.slice(0, 7)})`,
      );
    else {
      const problems = validateGrant(
        { file, data: found.grant, locate: () => ({ line: 1, col: 1 }) },
        { policy: state.policy, now: ctx.now(), membership },
      ).filter((p) => p.severity === 'error');
      if (problems.length > 0) refuse(file, `no longer valid: ${problems.map((p) => p.message).join('; ')}`);
      else {
        const resource = state.policy.resources[found.grant.resource]!;
        const siblings = await siblingRecords(ctx, state, file, found.grant);
        const { record, pull } = await applyGrant(
          ctx,
          {
            ...found,
            resource,
            request: {
              pr: pr.number,
              author: pr.author,
              approvers: ownerApprovers({
                ...(await approvalsOnce()),
                pr,
                file,
                grantee: found.grant.grantee,
                codeowners: state.repo.codeowners,
              }),
            },
            activeGrants: state.active,
            siblings,
          },
          retry,
        );
        lines.push({ file, outcome: record.state, record, revertPr: pull.number });
      }
    }
  }
  await reportApplied(ctx, pr, lines);
  if (lines.some((l) => l.record?.emergency && l.outcome !== 'refused')) {
    await ctx.port.addLabels(ctx.repo, pr.number, [LABELS.emergency]);
    ctx.log.warn(
      { pr: pr.number },
      `EMERGENCY grant applied from #${pr.number}: an owner must review it after the fact`,
    );
  }
  return lines;
}
