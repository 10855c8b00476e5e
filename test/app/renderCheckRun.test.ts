import { describe, expect, it } from 'vitest';
import { renderCheckRun } from '../../src/app/renderCheckRun.js';
import { evaluateRequest, type RequestEvaluation } from '../../src/core/request/index.js';
import { repoOf } from '../helpers/repoOf.js';

/** CommonMark line endings: LF, CRLF and a lone CR. */
const linesOf = (markdown: string) => markdown.split(/\r\n|\r|\n/);
/** The cells of a table row, split at pipes that are not escaped. */
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).length - 2;

const HOSTILE = 'x\r\r<!-- | `a` [l](https://e) \n# h';
const hostile: RequestEvaluation = {
  kind: 'request',
  headSha: 'a'.repeat(40),
  problems: [
    {
      file: 'grants/db/`x`\r<!--.txt',
      line: 1,
      col: 1,
      code: 'grant-not-yaml',
      message: `quoted: ${HOSTILE}`,
      severity: 'warning',
    },
  ],
  grants: [
    {
      file: 'grants/db/a.yml',
      grantee: 'bob',
      resource: 'db',
      role: HOSTILE,
      from: HOSTILE,
      until: HOSTILE,
      reason: HOSTILE,
      ticket: HOSTILE,
      emergency: false,
      expired: false,
    },
  ],
  approvals: [
    {
      file: 'grants/db/a\r<!--.yml',
      owners: ['@acme/dba'],
      min: 1,
      approvedBy: [],
      changesRequestedBy: [],
      approvedVia: 'auto_approve',
      autoApproveRule: HOSTILE,
    },
  ],
  ignoredReviews: [{ reviewer: 'eve', why: HOSTILE }],
  removedGrants: ['grants/db/`gone`\n<!--.yml'],
  conclusion: 'failure',
  title: 'x',
  mergeable: false,
  stale: false,
};

describe('renderCheckRun: user text cannot change the check-run Markdown', () => {
  it('every user-supplied string stays on its line and inside its cell', () => {
    const { summary } = renderCheckRun(hostile);
    const lines = linesOf(summary);
    // Only the App starts lines: headings, table rows, list items, its own sentence, blank lines.
    expect(lines.filter((l) => !/^(### |\| |- |Owners come from |$)/.test(l))).toEqual([]);
    expect(lines.some((l) => l.includes('<!--') && !l.includes('\\<!--'))).toBe(false);
    expect(lines.filter((l) => l.startsWith('### '))).toEqual([
      '### What this pull request grants',
      '### Approvals',
      '### Reviews that do not count',
      '### Grants removed (access revoked on merge)',
      '### Problems',
    ]);
    const rows = lines.filter((l) => l.startsWith('|'));
    expect(rows.map(cellsOf)).toEqual([7, 7, 7, 5, 5, 5]);
    expect(summary).not.toMatch(/(?<!\\)`/);
    expect(summary).not.toMatch(/(?<!\\)\[/);
  });

  it('a reason with carriage returns is refused at its line and cannot hide the rest of the check', () => {
    const policy =
      'version: 1\nresources:\n  prod-db:\n    provider: github-team\n    team: prod-db-admins\n    max_duration: 4h\n';
    const files = { 'access.yml': policy, '.github/CODEOWNERS': '/grants/prod-db/ @acme/dba-leads\n' };
    const innocent =
      'grantee: bob\nresource: prod-db\nreason: "INC-1: replica lag\\r\\r<!--"\nexpires: 2026-11-28T11:00:00Z\n';
    const hidden =
      'grantee: mallory\nresource: prod-db\nreason: "INC-1: replica lag"\nexpires: 2026-11-28T14:00:00Z\n';
    const grants = { 'grants/prod-db/a-bob.yml': innocent, 'grants/prod-db/b-mallory.yml': hidden };
    const evaluation = evaluateRequest({
      pr: { author: 'alice', headSha: 'a'.repeat(40), baseRef: 'main' },
      defaultBranch: 'main',
      changes: Object.keys(grants).map((path) => ({ path, status: 'added' as const })),
      base: repoOf(files),
      head: repoOf({ ...files, ...grants }),
      reviews: [],
      commitAuthors: ['alice'],
      pusher: 'alice',
      membership: () => false,
      now: Date.parse('2026-11-28T10:00:00Z'),
    });
    expect(evaluation.conclusion).toBe('failure');
    expect(evaluation.problems).toMatchObject([
      {
        file: 'grants/prod-db/a-bob.yml',
        line: 3,
        col: 9,
        code: 'schema-pattern',
        message: 'the text must be one line: line breaks, tabs and other control characters are not allowed',
      },
    ]);
    const lines = linesOf(renderCheckRun(evaluation).summary);
    expect(lines.findIndex((l) => l.startsWith('<'))).toBe(-1);
    expect(lines.some((l) => l.startsWith('| @mallory |'))).toBe(true);
  });
});
