import { LABELS } from '../core/lifecycle/index.js';
import { formatUtc } from '../core/time/index.js';
import { auditFailure } from './auditFailure.js';
import type { AuditState } from './auditState.js';

/** A pull request as one issues-listing entry shows it: all an audit needs without reading it. */
export interface ListedPull {
  number: number;
  url: string;
  state: 'open' | 'closed';
  author: string | undefined;
  body: string;
  labels: string[];
  createdAt: string;
  closedAt: string | undefined;
  mergedAt: string | undefined;
  /** How many comments it has: a request without any carries no report of refused grants. */
  comments: number;
}

interface RawIssue {
  number: number;
  html_url: string;
  state: string;
  user?: { login: string } | null;
  body?: string | null;
  labels: (string | { name?: string })[];
  created_at: string;
  closed_at: string | null;
  comments: number;
  pull_request?: { merged_at?: string | null; html_url?: string | null };
}

function toListedPull(raw: RawIssue): ListedPull {
  return {
    number: raw.number,
    url: raw.pull_request?.html_url ?? raw.html_url,
    state: raw.state === 'closed' ? 'closed' : 'open',
    author: raw.user?.login,
    body: raw.body ?? '',
    labels: raw.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    createdAt: raw.created_at,
    closedAt: raw.closed_at ?? undefined,
    mergedAt: raw.pull_request?.merged_at ?? undefined,
    comments: raw.comments,
  };
}

/**
 * The pull requests an export reads, in two listings of 100 a page: every open reverting PR
 * (one per live grant, however old), and every pull request closed and updated since `since`:
 * reverting PRs of grants that ended in the range (their last record write is at or after the
 * revocation) and the merged requests whose refused grants are reported on them. Issues are
 * left out. GitHub's `since` filters on `updated_at`
 * (https://docs.github.com/en/rest/issues/issues#list-repository-issues).
 */
export async function listAuditedPulls(state: AuditState, since: number): Promise<ListedPull[]> {
  const list = async (params: Record<string, string>, what: string) => {
    try {
      const items = await state.octokit.paginate('GET /repos/{owner}/{repo}/issues', {
        ...state.repo,
        ...params,
        per_page: 100,
      });
      return (items as RawIssue[]).filter((i) => i.pull_request).map(toListedPull);
    } catch (error) {
      throw auditFailure(error, state, `listing ${what} of ${state.repo.owner}/${state.repo.repo}`);
    }
  };
  const open = await list({ state: 'open', labels: LABELS.revoke }, 'open reverting pull requests');
  const closed = await list({ state: 'closed', since: formatUtc(since) }, 'closed pull requests');
  const seen = new Set(closed.map((p) => p.number));
  return [...open.filter((p) => !seen.has(p.number)), ...closed];
}
