import type { RunRef } from './protectionPort.js';

const CALLBACK = /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/;

/**
 * The run a `deployment_callback_url` names
 * (`…/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`), or undefined when
 * the URL does not have that shape. The App answers on that route through its configured API URL,
 * so the installation token never goes to a host the payload names.
 */
export function parseCallbackUrl(url: string): RunRef | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = CALLBACK.exec(path);
  if (!match) return undefined;
  const [, owner, repo, runId] = match as unknown as [string, string, string, string];
  return {
    repo: { owner: decodeURIComponent(owner), repo: decodeURIComponent(repo) },
    runId: Number(runId),
  };
}
