import type { Problem } from '../core/problem.js';
import { removalApprovers, type FileApproval, type RequestEvaluation } from '../core/request/index.js';
import type { Annotation, CheckRunInput } from '../github/port.js';
import { CHECK_NAME } from './checkRunIdentity.js';
import { escapeMarkdownText } from './markdown.js';

/** User-supplied text, escaped for Markdown (an absent value is empty). */
const cell = (text: string | undefined) => escapeMarkdownText(text ?? '');

/** One annotation per problem, at its file and line. */
export function toAnnotations(problems: readonly Problem[]): Annotation[] {
  return problems.map((p) => ({
    path: p.file,
    start_line: p.line,
    end_line: p.line,
    start_column: p.col,
    end_column: p.col,
    annotation_level: p.severity === 'error' ? 'failure' : 'warning',
    title: p.code,
    message: p.message,
  }));
}

const mentions = (logins: readonly string[]) => cell(logins.map((l) => `@${l}`).join(', '));

function removalStatus(a: FileApproval, grantee: string | undefined): string {
  if (a.approvedVia === 'grantee') return `✅ given back by its grantee @${cell(grantee)}`;
  if (a.approvedVia === 'reviews') return '✅ removal approved';
  const who = removalApprovers(a).map((p) => (grantee && p === `@${grantee}` ? `${p} (the grantee)` : p));
  const blocked =
    a.changesRequestedBy.length > 0 ? `⛔ changes requested by ${mentions(a.changesRequestedBy)}` : '';
  if (who.length === 0) return blocked || '⛔ no code owner and no grantee: cannot be approved';
  return `${blocked ? `${blocked}; ` : ''}⏳ needs an approval by ${cell(who.join(', '))}`;
}

function approvalStatus(a: FileApproval): string {
  if (a.removal) return removalStatus(a, a.removal.grantee);
  if (a.approvedVia === 'auto_approve') return `✅ auto-approved (${cell(a.autoApproveRule)})`;
  if (a.approvedVia === 'emergency')
    return '🚨 emergency: applies now, must be reviewed by an owner after the fact';
  if (a.approvedVia === 'reviews') return '✅ approved';
  if (a.changesRequestedBy.length > 0) return `⛔ changes requested by ${mentions(a.changesRequestedBy)}`;
  if (a.owners.length === 0) return '⛔ no code owner: cannot be approved';
  return `⏳ needs ${a.min - a.approvedBy.length} more`;
}

function renderSummary(evaluation: RequestEvaluation, notes: readonly string[]): string {
  const out: string[] = [];
  if (evaluation.grants.length > 0) {
    out.push(
      '### What this pull request grants',
      '',
      '| Grantee | Resource | Role | From | Until | Reason | Ticket |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const g of evaluation.grants) {
      out.push(
        `| @${cell(g.grantee)}${g.emergency ? ' 🚨' : ''} | ${cell(g.resource)} | ${cell(g.role ?? '')} | ${cell(g.from)} | ${cell(g.until)}${g.expired ? ' (expired)' : ''} | ${cell(g.reason)} | ${cell(g.ticket ?? '')} |`,
      );
    }
    out.push('');
  }
  if (evaluation.approvals.length > 0) {
    out.push(
      '### Approvals',
      '',
      "Owners come from CODEOWNERS on the default branch; a review counts when it is the reviewer's latest, approves the current head commit, and is not by the author, a grantee, the last pusher or a commit author.",
      ...(evaluation.approvals.some((a) => a.removal)
        ? [
            '',
            'Removing a grant revokes its access on merge: its grantee may give it back (by opening or approving this pull request); otherwise one of its code owners must approve.',
          ]
        : []),
      '',
      '| File | Owners (last matching rule) | Required | Approved by | Status |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const a of evaluation.approvals) {
      out.push(
        `| ${cell(a.file)}${a.removal ? ' (removed)' : ''} | ${cell(a.owners.join(', ') || '(none)')} | ${a.min} | ${cell(a.approvedBy.map((l) => `@${l}`).join(', ') || '—')} | ${approvalStatus(a)} |`,
      );
    }
    out.push('');
  }
  if (evaluation.ignoredReviews.length > 0) {
    out.push(
      '### Reviews that do not count',
      '',
      ...evaluation.ignoredReviews.map((r) => `- ${cell(`@${r.reviewer}: ${r.why}`)}`),
      '',
    );
  }
  if (evaluation.removedGrants.length > 0) {
    out.push(
      '### Grants removed (access revoked on merge)',
      '',
      ...evaluation.removedGrants.map((f) => `- ${cell(f)}`),
      '',
    );
  }
  if (evaluation.problems.length > 0) {
    out.push(
      '### Problems',
      '',
      ...evaluation.problems.map(
        (p) =>
          `- ${cell(`${p.file}:${p.line}:${p.col}`)} ${p.severity === 'warning' ? '(warning) ' : ''}${cell(p.message)} (${cell(p.code)})`,
      ),
      '',
    );
  }
  if (notes.length > 0) out.push('### Notes', '', ...notes.map((n) => `- ${n}`), '');
  return out.join('\n') || cell(evaluation.title);
}

/** The check run that shows an evaluation: title, summary tables, and one annotation per problem. */
export function renderCheckRun(evaluation: RequestEvaluation, notes: readonly string[] = []): CheckRunInput {
  return {
    name: CHECK_NAME,
    headSha: evaluation.headSha,
    status: 'completed',
    conclusion: evaluation.conclusion,
    title: evaluation.title,
    summary: renderSummary(evaluation, notes).slice(0, 65_000),
    annotations: toAnnotations(evaluation.problems),
  };
}
