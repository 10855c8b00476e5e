import type { CheckRunInput, CheckRunRef, RepoId } from '../port.js';
import { toGitHubError } from '../githubError.js';
import { NO_RETRY, type AdapterState } from './state.js';

/** GitHub accepts at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

interface RawCheckRun {
  id: number;
  head_sha: string;
  external_id: string | null;
  status: string;
  conclusion: string | null;
  app?: { id: number } | null;
}

const toRef = (raw: RawCheckRun): CheckRunRef => ({
  id: raw.id,
  headSha: raw.head_sha,
  externalId: raw.external_id ?? undefined,
  status: raw.status as CheckRunRef['status'],
  conclusion: raw.conclusion ?? undefined,
});

/** The latest check run of this App with `name` on a commit (other apps' runs of the same name are ignored). */
export async function findCheckRun(
  state: AdapterState,
  repo: RepoId,
  headSha: string,
  name: string,
): Promise<CheckRunRef | undefined> {
  try {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo,
      ref: headSha,
      check_name: name,
      filter: 'latest',
      ...(state.appId !== undefined ? { app_id: state.appId } : {}),
      per_page: 100,
    });
    const mine = (data.check_runs as RawCheckRun[]).filter(
      (run) => state.appId === undefined || run.app?.id === state.appId,
    );
    mine.sort((a, b) => b.id - a.id);
    return mine[0] && toRef(mine[0]);
  } catch (error) {
    throw toGitHubError(error, `finding the ${name} check run on ${headSha.slice(0, 7)}`);
  }
}

function body(input: CheckRunInput, annotations: CheckRunInput['annotations']) {
  return {
    name: input.name,
    status: input.status,
    ...(input.conclusion ? { conclusion: input.conclusion, completed_at: new Date().toISOString() } : {}),
    ...(input.externalId !== undefined ? { external_id: input.externalId } : {}),
    output: {
      title: input.title,
      summary: input.summary,
      ...(input.text ? { text: input.text } : {}),
      annotations,
    },
  };
}

/** Sends the annotations after the first 50, 50 per request (GitHub appends them). */
async function sendRemainingAnnotations(
  state: AdapterState,
  repo: RepoId,
  id: number,
  input: CheckRunInput,
): Promise<void> {
  for (let i = ANNOTATIONS_PER_REQUEST; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    await state.octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...repo,
      check_run_id: id,
      output: {
        title: input.title,
        summary: input.summary,
        annotations: input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST),
      },
    });
  }
}

/**
 * Creates a check run. Not retried blindly (a retry after a lost response would make a second
 * run): after a failure, look for the run first and create again only when it is not there.
 */
export async function createCheckRun(
  state: AdapterState,
  repo: RepoId,
  input: CheckRunInput,
): Promise<CheckRunRef> {
  const create = async () => {
    const { data } = await state.octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      ...repo,
      head_sha: input.headSha,
      ...body(input, input.annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
      ...NO_RETRY,
    } as never);
    return toRef(data as RawCheckRun);
  };
  try {
    let created: CheckRunRef;
    try {
      created = await create();
    } catch (error) {
      const existing = await findCheckRun(state, repo, input.headSha, input.name);
      if (existing && existing.externalId === input.externalId) return existing;
      if (!toGitHubError(error, '').retryable) throw error;
      created = await create();
    }
    await sendRemainingAnnotations(state, repo, created.id, input);
    return created;
  } catch (error) {
    throw toGitHubError(error, `creating the ${input.name} check run`);
  }
}

/** Updates a check run in place (annotations are appended by GitHub, so send only new ones). */
export async function updateCheckRun(
  state: AdapterState,
  repo: RepoId,
  id: number,
  input: CheckRunInput,
): Promise<void> {
  try {
    await state.octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...repo,
      check_run_id: id,
      ...body(input, input.annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
    } as never);
    await sendRemainingAnnotations(state, repo, id, input);
  } catch (error) {
    throw toGitHubError(error, `updating check run ${id}`);
  }
}
