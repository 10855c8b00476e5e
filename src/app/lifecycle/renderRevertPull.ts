import { encodeRecord, type GrantRecord, type SealScope } from '../../core/lifecycle/index.js';

const when = (iso: string | undefined) =>
  iso ? iso.replace('T', ' ').replace(/:00Z$/, ' UTC').replace(/Z$/, ' UTC') : '';

/** The title of a grant's scheduled reverting PR. */
export function revertTitle(record: GrantRecord): string {
  return `Revoke ${record.resource} for @${record.grantee} at ${when(record.expires)}`;
}

const STATE_TEXT: Record<GrantRecord['state'], string> = {
  scheduled: 'scheduled: the access starts at its start time',
  applying: 'being applied',
  applied: 'applied',
  pending: 'pending: an invitation was sent; the access starts when it is accepted',
  'apply-failed': 'apply FAILED: every sweep retries',
  revoked: 'revoked',
  'revoke-failed': 'revoke FAILED (irrevocable until a sweep succeeds): every sweep retries',
};

/**
 * Text from grant files and errors, made inert in Markdown: no HTML (a `<!--` would hide the rest
 * of the body, or imitate the record's marker), no table breaks, one line.
 */
const inert = (text: string) =>
  text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'");

/** The body of a reverting PR: what it does, when, how to give back or extend, and the sealed record. */
export function revertBody(record: GrantRecord, scope?: SealScope): string {
  const lines = [
    `Scheduled revocation of **${inert(record.resource)}**${record.role ? ` (${inert(record.role)})` : ''} for @${inert(record.grantee)}${record.requestPr ? `, granted by #${record.requestPr}` : ''}.`,
    '',
    `grantops takes the access away at **${when(record.expires)}**, then merges this pull request, which deletes \`${inert(record.file)}\`. To give the access back early, approve this pull request (its grantee or a code owner of the file) and merge it.`,
    '',
    `To extend, open a pull request that moves \`expires\` in \`${inert(record.file)}\` (for example with \`grantops request\`); once it is approved and merged, this pull request is kept current.`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| State | ${STATE_TEXT[record.state]} |`,
    `| Access before the grant | ${record.before ?? 'not read yet'} |`,
    `| Access granted | ${record.granted ?? ''} |`,
    ...(record.appliedAt ? [`| Applied at | ${when(record.appliedAt)} |`] : []),
    ...(record.revokedAt ? [`| Revoked at | ${when(record.revokedAt)} |`] : []),
    ...(record.approvers.length > 0
      ? [`| Approved by | ${record.approvers.map((a) => `@${inert(a)}`).join(', ')} |`]
      : []),
    ...(record.emergency ? ['| Emergency | yes: applied before approval, to be reviewed by an owner |'] : []),
    ...(record.lastError ? [`| Last error | ${inert(record.lastError)} |`] : []),
    '',
    ...(scope ? [encodeRecord(record, scope)] : []),
  ];
  return lines.join('\n');
}
