import type { RequestEvaluation } from '../core/request/index.js';
import type { CheckRunRef, GitHubPort, RepoId } from '../github/port.js';
import { decodeIdentity, digestAnnotations, encodeIdentity } from './checkRunIdentity.js';
import { renderCheckRun } from './renderCheckRun.js';

/**
 * Publishes the one check run of a head commit. The pusher recorded on an existing run is kept
 * unless the event names a new one. The run is updated in place, except when its annotations
 * changed: GitHub appends annotations on update, so a new run replaces it (branch protection reads
 * the latest run of the name).
 */
export function publishCheckRun(params: {
  port: GitHubPort;
  repo: RepoId;
  existing: CheckRunRef | undefined;
  pushedBy: string | undefined;
}) {
  const recorded = decodeIdentity(params.existing?.externalId);
  const pusher = params.pushedBy ?? recorded.pusher;
  const publish = async (evaluation: RequestEvaluation, notes: readonly string[]) => {
    const input = renderCheckRun(evaluation, notes);
    const annotations = digestAnnotations(input.annotations);
    const last = Math.max(...evaluation.grants.map((g) => Date.parse(g.until)).filter(Number.isFinite));
    const externalId = encodeIdentity({
      pusher,
      annotations,
      expires: Number.isFinite(last) ? Math.floor(last / 1000) : undefined,
    });
    if (params.existing && recorded.annotations === annotations) {
      await params.port.updateCheckRun(params.repo, params.existing.id, {
        ...input,
        externalId,
        annotations: [],
      });
    } else {
      await params.port.createCheckRun(params.repo, { ...input, externalId });
    }
  };
  return { publish, pusher };
}
