import { createOctokitPort } from '../../github/octokit/createOctokitPort.js';
import type { OctokitClient } from '../../github/octokit/state.js';
import { createOctokitProtectionPort } from '../../github/protection/createOctokitProtectionPort.js';
import type { ProtectionClient } from '../../github/protection/callProtectionCallback.js';
import type { LifecycleContext } from '../lifecycle/lifecycleContext.js';
import type { ProviderClient } from '../lifecycle/providerFor.js';
import { sweepRepository, type SweepResult } from '../lifecycle/sweepRepository.js';
import { recheckWaitingDeployments, resolveGrantsRepo } from '../protection/index.js';
import { closeStaleRequests } from './closeStaleRequests.js';
import type { InstallationClient } from './eachInstallation.js';
import type { SweepDeps } from './sweepAll.js';

/** What a sweep did for one installation. */
export interface InstallationSweep {
  installation: number;
  grantsRepo: string;
  grants?: SweepResult;
  staleJudged?: number;
  deploymentsRechecked: number;
  nextCheckAt: number | undefined;
  errors: string[];
}

/**
 * Sweeps one installation: its grants repository (if it has one) and the waiting deployments of its
 * repositories. Errors are collected per part and logged, never thrown: the next sweep retries.
 */
export async function sweepInstallation(
  installation: InstallationClient,
  deps: SweepDeps,
): Promise<InstallationSweep> {
  const client = installation.octokit as unknown as OctokitClient;
  const grantsRepo = resolveGrantsRepo(deps.grantsRepo, installation.account);
  const name = `${grantsRepo.owner}/${grantsRepo.repo}`;
  const log = deps.log.child({ installation: installation.id });
  const result: InstallationSweep = {
    installation: installation.id,
    grantsRepo: name,
    deploymentsRechecked: 0,
    nextCheckAt: undefined,
    errors: [],
  };
  const fail = (what: string, error: unknown) => {
    const message = `${what} failed: ${(error as Error).message}; the next sweep retries`;
    log.error({ err: error, repo: name }, message);
    result.errors.push(message);
  };
  const repos = await client
    .paginate('GET /installation/repositories', { per_page: 100 })
    .catch((error: unknown) => (fail('listing repositories', error), []));
  const grants = repos.find(
    (r) => r.name === grantsRepo.repo && r.owner.login.toLowerCase() === grantsRepo.owner.toLowerCase(),
  );
  if (grants) {
    const ctx: LifecycleContext = {
      port: createOctokitPort({ octokit: client, appId: deps.appId }),
      providerClient: installation.octokit as unknown as ProviderClient,
      repo: grantsRepo,
      defaultBranch: grants.default_branch ?? 'main',
      org: installation.account,
      env: deps.env,
      now: deps.now,
      log: log.child({ repo: name }),
      lock: deps.lock,
      validator: deps.validator,
      seal: deps.seal,
    };
    try {
      result.grants = await sweepRepository(ctx, deps.retry);
      result.staleJudged = await closeStaleRequests(ctx);
      ctx.log.info({ ...result.grants, staleJudged: result.staleJudged }, `swept ${name}`);
    } catch (error) {
      fail(`sweep of ${name}`, error);
    }
  }
  const port = createOctokitProtectionPort(installation.octokit as unknown as ProtectionClient);
  for (const repo of repos.slice(0, deps.maxProtectedRepos ?? 100)) {
    try {
      const recheck = await recheckWaitingDeployments({
        port,
        repo: { owner: repo.owner.login, repo: repo.name },
        grantsRepo,
        appId: deps.appId,
        seal: deps.seal,
        now: deps.now(),
        validator: deps.validator,
        log,
      });
      result.deploymentsRechecked += recheck.rechecked.length;
      if (
        recheck.nextCheckAt !== undefined &&
        (result.nextCheckAt === undefined || recheck.nextCheckAt < result.nextCheckAt)
      )
        result.nextCheckAt = recheck.nextCheckAt;
    } catch (error) {
      fail(`re-checking deployments of ${repo.full_name}`, error);
    }
  }
  return result;
}
