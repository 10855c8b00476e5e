import type { Context, Probot } from 'probot';
import { createSchemaValidator, type SchemaValidator } from '../config/schemaValidator.js';
import { createOctokitPort } from '../github/octokit/createOctokitPort.js';
import type { OctokitClient } from '../github/octokit/state.js';
import type { GitHubPort } from '../github/port.js';
import { onCheckRunRerequested } from './handlers/onCheckRunRerequested.js';
import { onPullRequestEvent } from './handlers/onPullRequestEvent.js';
import { onReviewEvent } from './handlers/onReviewEvent.js';

/** What the handlers depend on; tests replace the clock and the port. */
export interface AppDeps {
  now: () => number;
  appId: number | undefined;
  portFor: (context: Context) => GitHubPort;
  validator: SchemaValidator;
}

/** The production dependencies: the wall clock and the installation's Octokit behind the port. */
export function defaultDeps(options: { appId?: number; now?: () => number } = {}): AppDeps {
  return {
    now: options.now ?? (() => Date.now()),
    appId: options.appId,
    portFor: (context) =>
      createOctokitPort({ octokit: context.octokit as unknown as OctokitClient, appId: options.appId }),
    validator: createSchemaValidator(),
  };
}

/** The grantops Probot app: registers one handler per event family, nothing else. */
export function createApp(deps: AppDeps) {
  return (app: Probot): void => {
    app.on(
      [
        'pull_request.opened',
        'pull_request.synchronize',
        'pull_request.reopened',
        'pull_request.ready_for_review',
        'pull_request.edited',
      ],
      (context) => onPullRequestEvent(context, deps),
    );
    app.on(
      ['pull_request_review.submitted', 'pull_request_review.dismissed', 'pull_request_review.edited'],
      (context) => onReviewEvent(context, deps),
    );
    app.on('check_run.rerequested', (context) => onCheckRunRerequested(context, deps));
  };
}
