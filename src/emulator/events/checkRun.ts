import type { Core } from '../core.js';
import { renderCheckRun } from '../render/checks.js';
import type { CheckRun, Repo } from '../state/types.js';
import { emitEvent } from './emit.js';

/**
 * Sends `check_run`: `created` and `completed` to every subscribed App, `rerequested` only to the
 * App that owns the run (as GitHub does).
 */
export function emitCheckRun(
  core: Core,
  params: { repo: Repo; run: CheckRun; action: string; sender: string },
): void {
  const { repo, run } = params;
  const body = renderCheckRun(core, repo, run);
  const branch =
    [...repo.refs]
      .find(([ref, sha]) => sha === run.headSha && ref.startsWith('refs/heads/'))?.[0]
      .slice(11) ?? null;
  emitEvent(core, {
    event: 'check_run',
    action: params.action,
    repo,
    sender: params.sender,
    onlyAppId:
      params.action === 'rerequested' || params.action === 'requested_action' ? run.appId : undefined,
    fields: {
      check_run: {
        ...body,
        check_suite: {
          id: run.checkSuiteId,
          head_branch: branch,
          head_sha: run.headSha,
          status: run.status,
          conclusion: run.conclusion,
          pull_requests: body['pull_requests'],
          app: body['app'],
        },
      },
    },
  });
}
