import type { LabelledPull, RepoId } from '../port.js';
import { statusOf, toGitHubError } from '../githubError.js';
import type { AdapterState } from './state.js';

/** Open issues and PRs with a label, with their bodies (one page of 100 covers the usual case; more are paged). */
export async function listOpenByLabel(
  state: AdapterState,
  repo: RepoId,
  label: string,
): Promise<LabelledPull[]> {
  try {
    const issues = await state.octokit.paginate('GET /repos/{owner}/{repo}/issues', {
      ...repo,
      state: 'open',
      labels: label,
      per_page: 100,
    });
    return issues.map((i) => ({ number: i.number, body: i.body ?? '' }));
  } catch (error) {
    throw toGitHubError(error, `listing open pull requests labelled ${label}`);
  }
}

export async function addLabels(
  state: AdapterState,
  repo: RepoId,
  number: number,
  labels: string[],
): Promise<void> {
  try {
    await state.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
      ...repo,
      issue_number: number,
      labels,
    });
  } catch (error) {
    throw toGitHubError(error, `labelling #${number}`);
  }
}

export async function removeLabel(
  state: AdapterState,
  repo: RepoId,
  number: number,
  label: string,
): Promise<void> {
  try {
    await state.octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
      ...repo,
      issue_number: number,
      name: label,
    });
  } catch (error) {
    if (statusOf(error) === 404) return; // the label was not there
    throw toGitHubError(error, `removing label ${label} from #${number}`);
  }
}

export async function updatePull(
  state: AdapterState,
  repo: RepoId,
  number: number,
  fields: { title?: string; body?: string },
): Promise<void> {
  try {
    await state.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: number,
      ...fields,
    });
  } catch (error) {
    throw toGitHubError(error, `updating pull request #${number}`);
  }
}
