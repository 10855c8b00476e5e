import { loadGrantsRepo } from '../../config/loadGrantsRepo.js';
import { grantStatus, grantWindow } from '../../core/grantWindow.js';
import type { GrantsRepo } from '../../core/grantsRepo.js';
import { revertBranch, type GrantRecord } from '../../core/lifecycle/index.js';
import type { Problem } from '../../core/problem.js';
import type { Grant, Policy, Resource } from '../../core/types.js';
import { validateRepo } from '../../core/validateRepo.js';
import { gitBlobSha } from '../../github/gitBlobSha.js';
import type { LifecycleContext } from './lifecycleContext.js';
import { findRecordedPull } from './recordedPull.js';

/** A valid grant on the default branch, with the blob SHA of its file. */
export interface GrantOnMain {
  file: string;
  grant: Grant;
  blob: string;
}

/** The grants repository at one commit of the default branch, as the lifecycle sees it. */
export interface GrantsState {
  sha: string | undefined;
  repo: GrantsRepo;
  policy: Policy | undefined;
  /** Grants whose file has no error (only these are ever applied). */
  valid: GrantOnMain[];
  /** Problems per grant file, for reports. */
  problems: Problem[];
  /** Valid grants active at `now`. */
  active: Grant[];
  /** Every grant file that parsed, valid or not (revocation needs only its times). */
  parsed: { file: string; grant: Grant; valid: boolean }[];
  /** False when access.yml on this commit has errors. */
  policyValid: boolean;
}

/**
 * A grant file as parsed in `state`, with its resource's settings from the same commit's policy:
 * what revocation falls back on when a grant has no sealed record. Undefined when either is missing.
 */
export function grantAsOn(
  state: GrantsState,
  file: string | undefined,
): { file: string; grant: Grant; resource: Resource } | undefined {
  const parsed = state.parsed.find((g) => g.file === file);
  if (!parsed || !state.policy || !Object.hasOwn(state.policy.resources, parsed.grant.resource))
    return undefined;
  return { file: parsed.file, grant: parsed.grant, resource: state.policy.resources[parsed.grant.resource]! };
}

/** Reads the grants repository at `ref` (one API call) and sorts out what is valid and active. */
export async function readGrantsState(ctx: LifecycleContext, ref: string): Promise<GrantsState> {
  const snapshot = await ctx.port.readRepo(ctx.repo, ref);
  const loaded = loadGrantsRepo({ files: snapshot.files, validator: ctx.validator });
  const repo = { ...loaded, problems: [...snapshot.problems, ...loaded.problems] };
  const now = ctx.now();
  const problems = validateRepo({ repo, now });
  const broken = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const policyBroken = broken.has('access.yml') || !repo.policy;
  const valid = policyBroken
    ? []
    : repo.grants
        .filter((g) => !broken.has(g.file))
        .map((g) => ({ file: g.file, grant: g.data, blob: gitBlobSha(snapshot.files.get(g.file)!) }));
  const active = valid.filter(({ grant }) => {
    const window = grantWindow(grant);
    return window !== undefined && grantStatus(window, now) === 'active';
  });
  const validFiles = new Set(valid.map((g) => g.file));
  return {
    sha: snapshot.sha,
    repo,
    policy: policyBroken ? undefined : repo.policy?.data,
    valid,
    problems,
    active: active.map((g) => g.grant),
    parsed: repo.grants.map((g) => ({ file: g.file, grant: g.data, valid: validFiles.has(g.file) })),
    policyValid: !policyBroken,
  };
}

/** Records of the grantee's other unexpired grants of the same resource (usually none: no call). */
export async function siblingRecords(
  ctx: LifecycleContext,
  state: GrantsState,
  file: string,
  grant: Pick<Grant, 'grantee' | 'resource'>,
): Promise<GrantRecord[]> {
  const now = ctx.now();
  const others = state.valid.filter((g) => {
    const window = grantWindow(g.grant);
    return (
      g.file !== file &&
      g.grant.resource === grant.resource &&
      g.grant.grantee.toLowerCase() === grant.grantee.toLowerCase() &&
      window !== undefined &&
      grantStatus(window, now) !== 'expired'
    );
  });
  const records = await Promise.all(
    others.map(async (g) => (await findRecordedPull(ctx, revertBranch(g.file))).record),
  );
  return records.filter((r): r is GrantRecord => r !== undefined);
}
