import type { ReviewFacts } from '../core/audit/index.js';
import { readOrMissing } from './auditFailure.js';
import type { AuditState } from './auditState.js';

/** Who opened a request pull request, its final head, and its reviews. */
export interface RequestFacts {
  author: string | undefined;
  headSha: string;
  reviews: ReviewFacts[];
}

/**
 * Reads a request pull request and its reviews (two calls, more past 100 reviews), for records
 * that lack who asked or who approved (auto-approved and emergency grants record no approver;
 * an owner's review after the fact shows here). A request that is gone gives undefined.
 */
export async function readRequestFacts(state: AuditState, number: number): Promise<RequestFacts | undefined> {
  return readOrMissing(state, `reading request pull request #${number}`, async () => {
    const { data: pull } = await state.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...state.repo,
      pull_number: number,
    });
    const reviews = await state.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      ...state.repo,
      pull_number: number,
      per_page: 100,
    });
    return {
      author: pull.user?.login,
      headSha: pull.head.sha,
      reviews: reviews.map((r) => ({
        reviewer: r.user?.login ?? 'ghost',
        state: r.state,
        commitId: r.commit_id ?? '',
      })),
    };
  });
}

/**
 * True when a person (not an App or other bot) merged the pull request; undefined when it is gone.
 * One call, made only for reverting PRs merged before their grant expired.
 */
export async function mergedByPerson(state: AuditState, number: number): Promise<boolean | undefined> {
  return readOrMissing(state, `reading reverting pull request #${number}`, async () => {
    const { data } = await state.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...state.repo,
      pull_number: number,
    });
    const by = data.merged_by;
    return by ? by.type !== 'Bot' && !by.login.endsWith('[bot]') : false;
  });
}
