import type { Context, Probot } from 'probot';
import { createSchemaValidator, type SchemaValidator } from '../config/schemaValidator.js';
import { createOctokitPort } from '../github/octokit/createOctokitPort.js';
import type { OctokitClient } from '../github/octokit/state.js';
import type { GitHubPort } from '../github/port.js';
import type { RecordSeal } from '../core/lifecycle/index.js';
import { createRecordSeal } from './lifecycle/recordSeal.js';
import { onCheckRunRerequested } from './handlers/onCheckRunRerequested.js';
import { onPullRequestClosed } from './handlers/onPullRequestClosed.js';
import { onPullRequestEvent } from './handlers/onPullRequestEvent.js';
import { onPush } from './handlers/onPush.js';
import { onReviewEvent } from './handlers/onReviewEvent.js';
import { KeyedLock } from './keyedLock.js';
import type { ProviderClient } from './lifecycle/providerFor.js';
import { DEFAULT_RETRY, type RetryPolicy } from './lifecycle/retryFailures.js';
import { DEFAULT_GRANTS_REPO, registerProtectionRule, type GrantsRepoSetting } from './protection/index.js';
import { createOctokitProtectionPort } from '../github/protection/createOctokitProtectionPort.js';
import type { ProtectionClient } from '../github/protection/callProtectionCallback.js';

/** What the handlers depend on; tests replace the clock, the port and the retry waits. */
export interface AppDeps {
  now: () => number;
  appId: number | undefined;
  portFor: (context: Context) => GitHubPort;
  providerClientFor: (context: Context) => ProviderClient;
  validator: SchemaValidator;
  /** Which repository holds the grants (GRANTOPS_GRANTS_REPO): the App judges PRs only there. */
  grantsRepo: GrantsRepoSetting;
  /** Where webhook providers read their secrets. */
  env: Readonly<Record<string, string | undefined>>;
  /** Serialises applies and revokes per resource in this process. */
  lock: KeyedLock;
  retry: RetryPolicy;
  /** Asks the in-process sweeper to run just after an instant (an applied grant's expiry). */
  wakeAt?: (epochMs: number) => void;
  /** Seals the grant records the App writes in reverting PRs, and checks the ones it reads. */
  seal: RecordSeal;
}

/** The production dependencies: the wall clock and the installation's Octokit behind the port. */
export function defaultDeps(options: {
  appId?: number;
  now?: () => number;
  env?: Readonly<Record<string, string | undefined>>;
  grantsRepo?: GrantsRepoSetting;
  /** The secret of the record seal (AppConfig.recordKey). */
  recordKey: string;
}): AppDeps {
  return {
    now: options.now ?? (() => Date.now()),
    appId: options.appId,
    portFor: (context) =>
      createOctokitPort({ octokit: context.octokit as unknown as OctokitClient, appId: options.appId }),
    providerClientFor: (context) => context.octokit as unknown as ProviderClient,
    validator: createSchemaValidator(),
    grantsRepo: options.grantsRepo ?? DEFAULT_GRANTS_REPO,
    env: options.env ?? {},
    lock: new KeyedLock(),
    retry: DEFAULT_RETRY,
    seal: createRecordSeal(options.recordKey),
  };
}

/** True when an event concerns the installation's grants repository. */
export function isGrantsRepo(context: Context, deps: AppDeps): boolean {
  const repository = (
    context.payload as { repository?: { name?: string; owner?: { login?: string } | null } }
  ).repository;
  const owner = repository?.owner?.login;
  return (
    repository?.name === deps.grantsRepo.name &&
    (deps.grantsRepo.owner === undefined || deps.grantsRepo.owner.toLowerCase() === owner?.toLowerCase())
  );
}

/** The grantops Probot app: registers one handler per event family, nothing else. */
export function createApp(deps: AppDeps) {
  return (app: Probot): void => {
    const only =
      <C extends Context>(handler: (context: C, deps: AppDeps) => Promise<void>) =>
      (context: C) =>
        isGrantsRepo(context, deps) ? handler(context, deps) : Promise.resolve();
    app.on(
      [
        'pull_request.opened',
        'pull_request.synchronize',
        'pull_request.reopened',
        'pull_request.ready_for_review',
        'pull_request.edited',
      ],
      only(onPullRequestEvent),
    );
    app.on(
      ['pull_request_review.submitted', 'pull_request_review.dismissed', 'pull_request_review.edited'],
      only(onReviewEvent),
    );
    app.on('pull_request.closed', only(onPullRequestClosed));
    app.on('check_run.rerequested', only(onCheckRunRerequested));
    app.on('push', only(onPush));
    registerProtectionRule(app, {
      now: deps.now,
      grantsRepo: deps.grantsRepo,
      validator: deps.validator,
      seal: deps.seal,
      portFor: (context) => createOctokitProtectionPort(context.octokit as unknown as ProtectionClient),
    });
  };
}
