import type { Context } from 'probot';
import { parseCallbackUrl } from '../../github/protection/parseCallbackUrl.js';
import { decideDeployment } from './decideDeployment.js';
import { deliverVerdict } from './deliverVerdict.js';
import { loadGuardData } from './loadGuardData.js';
import type { ProtectionDeps } from './protectionDeps.js';
import { readReleases } from './readReleases.js';
import { resolveGrantsRepo } from './resolveGrantsRepo.js';

type RequestedContext = Context<'deployment_protection_rule.requested'>;
type User = { login?: unknown } | null | undefined;

/**
 * Who re-ran the job, when it is not the deployment's creator: the run's `triggering_actor` when
 * the payload carries the run, else the event's sender (whose action requested the deployment).
 * It is checked whatever its type: a bot re-running a job must hold its own grant, as in the
 * Action and the sweep, rather than ride on the creator's.
 */
function triggeringActorOf(payload: RequestedContext['payload'], actor: string): string | undefined {
  const run = (payload as { workflow_run?: { triggering_actor?: User } }).workflow_run;
  const user: User = run?.triggering_actor ?? (payload.sender as User);
  const login = typeof user?.login === 'string' ? user.login : undefined;
  if (!login || login.toLowerCase() === actor.toLowerCase()) return undefined;
  return login;
}

/**
 * `deployment_protection_rule.requested`: decides the deployment with the guardrail engine for its
 * creator (and re-runner) at `deps.now()`, from the grants repository's default branch (a grant
 * counts only when its sealed record shows grantops applied that very file), and answers
 * on the run's callback: approved, rejected with the reasons, or (only freezes block) a status
 * report that keeps it waiting until the sweep approves it after the freeze.
 */
export async function onProtectionRuleRequested(
  context: RequestedContext,
  deps: ProtectionDeps,
): Promise<void> {
  const { payload, log } = context;
  const environment = payload.environment;
  const deployment = payload.deployment;
  const run = payload.deployment_callback_url ? parseCallbackUrl(payload.deployment_callback_url) : undefined;
  if (!environment || !deployment || !run) {
    log.error(
      { environment, deployment: deployment?.id, callback: payload.deployment_callback_url },
      'deployment_protection_rule event without environment, deployment or a run callback URL; nothing to answer',
    );
    return;
  }
  const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
  const actor = deployment.creator?.login ?? payload.sender.login;
  const triggeringActor = triggeringActorOf(payload, actor);
  const now = deps.now();
  const port = deps.portFor(context);
  const grantsRepo = resolveGrantsRepo(deps.grantsRepo, repo.owner);
  const data = await loadGuardData({ port, grantsRepo, now, validator: deps.validator, log });
  const { decision, verdict } = await decideDeployment({
    port,
    data,
    grantsRepo,
    seal: deps.seal,
    repo,
    environment,
    actor,
    ...(triggeringActor ? { triggeringActor } : {}),
    now,
    // The deployment being decided still waits: its statuses need no read.
    history: () =>
      readReleases({ port, data, repo, environment, now, log, waiting: (d) => d.id === deployment.id }),
    isOwnDeployment: (d) => d.id === deployment.id,
    log,
  });
  await deliverVerdict({ port, run, environment, decision, verdict, announce: true, log });
}
