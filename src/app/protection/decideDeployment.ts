import type { Logger } from 'pino';
import { decideGuardrails, grantsToVerify, type Decision } from '../../core/guardrails/index.js';
import type { RecordSeal } from '../../core/lifecycle/index.js';
import type { DeploymentRecord } from '../../github/listDeployments.js';
import type { RepoId } from '../../github/port.js';
import type { ProtectionPort } from '../../github/protection/protectionPort.js';
import type { LoadedGuardData } from './loadGuardData.js';
import { readAppliedGrants, type RecordMemo } from './readAppliedGrants.js';
import type { Release } from './readReleases.js';
import { verdictOf, type Verdict } from './verdictOf.js';

/** The deploy history of one decision: every deployment read, each with when it went out. */
export type History = { all: DeploymentRecord[]; releases: Release[] } | undefined;

/** One deployment to decide: who deploys what where, and when. */
export interface DeploymentQuestion {
  port: ProtectionPort;
  data: LoadedGuardData;
  /** The grants repository, whose reverting PRs carry the sealed grant records. */
  grantsRepo: RepoId;
  /** Checks the seal of grant records (AppDeps.seal). */
  seal: RecordSeal;
  /** The repository being deployed (its Deployments API holds the history max_deploys counts). */
  repo: RepoId;
  environment: string;
  actor: string;
  triggeringActor?: string;
  now: number;
  /** Reads the deploy history (readReleases, or the sweep's memo of it). */
  history: () => Promise<History>;
  /** Releases not in the history yet (the sweep's approvals so far), epoch ms. */
  extraReleases?: readonly number[];
  /** True for the deployments of the run being decided: they are not counted against max_deploys. */
  isOwnDeployment: (deployment: DeploymentRecord) => boolean;
  /** Grant records already read (by the sweep, for an earlier run). */
  records?: RecordMemo;
  /** For a waiting run re-checked by the sweep: a deploy limit holds it too (see verdictOf). */
  holdForLimit?: boolean;
  log: Pick<Logger, 'warn'>;
}

/** The engine's decision, what the rule does with it, and this run's own deployments (newest first). */
export interface DeploymentAnswer {
  decision: Decision;
  verdict: Verdict;
  own: DeploymentRecord[];
}

/**
 * Decides one deployment with the guardrail engine, as the Action and `grantops check` would, with
 * one more check they cannot make: a grant counts only when grantops applied it, proven by its
 * sealed record (read for the deployer's and re-runner's grants in force, one call each). Freezes,
 * max_deploys and the policy apply at `now`; max_deploys counts each deployment from when it went
 * out, leaving out the run's own deployments.
 */
export async function decideDeployment(question: DeploymentQuestion): Promise<DeploymentAnswer> {
  const { data, environment, actor, triggeringActor, now } = question;
  const input = {
    policy: data.policy,
    grants: data.grants,
    dataProblems: data.dataProblems,
    environment,
    actor,
    ...(triggeringActor ? { triggeringActor } : {}),
    now,
  };
  const verifiedGrantFiles = await readAppliedGrants({
    port: question.port,
    grantsRepo: question.grantsRepo,
    seal: question.seal,
    files: grantsToVerify(input),
    blobs: data.blobs,
    ...(question.records ? { memo: question.records } : {}),
    log: question.log,
  });
  const history = await question.history();
  const own = history?.all.filter(question.isOwnDeployment) ?? [];
  const deployments = history && [
    ...history.releases.flatMap((r) =>
      r.releasedAt === undefined || own.includes(r.deployment) ? [] : [{ createdAt: r.releasedAt }],
    ),
    ...(question.extraReleases ?? []).map((createdAt) => ({ createdAt })),
  ];
  const decision = decideGuardrails({
    ...input,
    verifiedGrantFiles,
    ...(deployments ? { deployments } : {}),
  });
  return { decision, verdict: verdictOf(decision, { holdForLimit: question.holdForLimit ?? false }), own };
}
