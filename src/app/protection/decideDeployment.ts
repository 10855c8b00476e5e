import type { Logger } from 'pino';
import { decideGuardrails, type Decision } from '../../core/guardrails/index.js';
import { findGuardrail } from '../../core/guardrails/findGuardrail.js';
import { parseDuration } from '../../core/time/index.js';
import { GitHubError } from '../../github/githubError.js';
import type { DeploymentRecord } from '../../github/listDeployments.js';
import type { RepoId } from '../../github/port.js';
import type { ProtectionPort } from '../../github/protection/protectionPort.js';
import type { LoadedGuardData } from './loadGuardData.js';
import { verdictOf, type Verdict } from './verdictOf.js';

/** One deployment to decide: who deploys what where, and when. */
export interface DeploymentQuestion {
  port: ProtectionPort;
  data: LoadedGuardData;
  /** The repository being deployed (its Deployments API holds the history max_deploys counts). */
  repo: RepoId;
  environment: string;
  actor: string;
  triggeringActor?: string;
  now: number;
  /** True for the deployments of the run being decided: they are not counted against max_deploys. */
  isOwnDeployment: (deployment: DeploymentRecord) => boolean;
  log: Pick<Logger, 'warn'>;
}

/** The engine's decision, what the rule does with it, and this run's own deployments (newest first). */
export interface DeploymentAnswer {
  decision: Decision;
  verdict: Verdict;
  own: DeploymentRecord[];
}

type History = { deployments?: { createdAt: number }[]; own: DeploymentRecord[] };

/** Reads the history max_deploys needs; undefined deployments make the engine fail the rule closed. */
async function readHistory(question: DeploymentQuestion): Promise<History> {
  const { data, environment, now } = question;
  if (data.dataProblems.some((p) => p.severity === 'error')) return { own: [] };
  const lookup = findGuardrail(data.policy.data, environment);
  const limit = lookup.kind === 'found' ? lookup.guardrail.max_deploys : undefined;
  const per = limit ? parseDuration(limit.per) : undefined;
  if (!limit || per === undefined) return { own: [] };
  try {
    const all = await question.port.listRecentDeployments({
      repo: question.repo,
      environment,
      since: now - per,
      enough: limit.count + 1,
    });
    const own = all.filter(question.isOwnDeployment);
    return { deployments: all.filter((d) => !own.includes(d)), own };
  } catch (error) {
    if (!(error instanceof GitHubError) || error.retryable) throw error;
    question.log.warn({ err: error, environment }, 'deployment history unreadable; max_deploys fails closed');
    return { own: [] };
  }
}

/**
 * Decides one deployment with the guardrail engine, exactly as the Action and `grantops check`
 * would: the deployer and the re-runner must hold an active grant, and freezes, max_deploys and
 * the policy apply at `now`. The history for max_deploys comes from the deployed repository's
 * Deployments API, leaving out the run's own deployments.
 */
export async function decideDeployment(question: DeploymentQuestion): Promise<DeploymentAnswer> {
  const { data, environment, actor, triggeringActor, now } = question;
  const history = await readHistory(question);
  const decision = decideGuardrails({
    policy: data.policy,
    grants: data.grants,
    dataProblems: data.dataProblems,
    environment,
    actor,
    ...(triggeringActor ? { triggeringActor } : {}),
    ...(history.deployments ? { deployments: history.deployments } : {}),
    now,
  });
  return { decision, verdict: verdictOf(decision), own: history.own };
}
