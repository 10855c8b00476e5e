import { htmlUrl, repoUrl, type Core } from '../core.js';
import { findApp } from '../state/state.js';
import type { CheckRun, Repo } from '../state/types.js';
import { renderApp } from './apps.js';

/** A check run as the checks API returns it. */
export function renderCheckRun(core: Core, repo: Repo, run: CheckRun): Record<string, unknown> {
  const url = repoUrl(core, repo);
  const app = findApp(core.state, run.appId);
  const prs = [...repo.issues.values()].filter((i) => i.pull?.headSha === run.headSha && i.state === 'open');
  return {
    id: run.id,
    node_id: Buffer.from(`08:CheckRun${run.id}`).toString('base64'),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url: `${url}/check-runs/${run.id}`,
    html_url: htmlUrl(core, `${repo.owner}/${repo.name}/runs/${run.id}`),
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: app ? renderApp(core, app) : null,
    pull_requests: prs.map((i) => ({
      url: `${url}/pulls/${i.number}`,
      id: i.pull?.id,
      number: i.number,
      head: { ref: i.pull?.headRef, sha: i.pull?.headSha, repo: { id: repo.id, url, name: repo.name } },
      base: {
        ref: i.pull?.baseRef,
        sha: repo.refs.get(`refs/heads/${i.pull?.baseRef}`),
        repo: { id: repo.id, url, name: repo.name },
      },
    })),
  };
}
