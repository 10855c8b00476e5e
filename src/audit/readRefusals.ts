import { APPLY_REPORT_MARKER } from '../app/lifecycle/reportApplied.js';
import type { GrantFacts, RefusedGrant } from '../core/audit/index.js';
import { auditFailure } from './auditFailure.js';
import type { AuditState } from './auditState.js';
import type { ListedPull } from './listAuditedPulls.js';

/** A refusal line of the App's apply report: "- `grants/x/y.yml`: ⛔ not applied: why". */
const REFUSED_LINE = /^- `([^`]+)`: ⛔ not applied: (.*)$/gmu;

/** The grant files an apply report says were refused, with why. */
export function parseRefusals(body: string): { file: string; why: string }[] {
  return [...body.matchAll(REFUSED_LINE)].map((m) => ({ file: m[1]!, why: m[2]!.trim() }));
}

/**
 * Reads the grants a merged request carried that grantops refused to apply: they have no
 * record, only the App's apply report on the request (a comment by a bot with a hidden marker;
 * comments by people are not trusted). One call for the comments; only when something was
 * refused, one for the PR's files and one blob read per refused file (for who and what).
 */
export async function readRefusals(
  state: AuditState,
  pull: ListedPull & { mergedAt: string },
  readFacts: (file: string, sha: string) => Promise<GrantFacts>,
): Promise<RefusedGrant[]> {
  const operation = `reading the apply report of #${pull.number}`;
  try {
    const comments = await state.octokit.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        ...state.repo,
        issue_number: pull.number,
        per_page: 100,
      },
    );
    const report = comments.find((c) => c.user?.type === 'Bot' && c.body?.includes(APPLY_REPORT_MARKER));
    const refused = parseRefusals(report?.body ?? '');
    if (refused.length === 0) return [];
    const files = await state.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...state.repo,
      pull_number: pull.number,
      per_page: 100,
    });
    const blobs = new Map(files.map((f) => [f.filename, f.sha]));
    return await Promise.all(
      refused.map(async ({ file, why }) => {
        const sha = blobs.get(file);
        return {
          file,
          why,
          requestUrl: pull.url,
          author: pull.author,
          mergedAt: pull.mergedAt,
          facts: sha ? await readFacts(file, sha) : {},
        };
      }),
    );
  } catch (error) {
    throw auditFailure(error, state, operation);
  }
}
