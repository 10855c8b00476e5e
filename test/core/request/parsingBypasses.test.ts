import { describe, expect, it } from 'vitest';
import { evaluateRequest, type RequestInput } from '../../../src/core/request/index.js';
import { repoOf } from '../../helpers/repoOf.js';

// Regression tests for ways a request file once read differently from what reviewers saw.
const HEAD = 'a'.repeat(40);
const NOW = Date.parse('2026-11-28T10:00:00Z');
const policy =
  'version: 1\nresources:\n  prod-db:\n    provider: github-team\n    team: prod-db-admins\n    max_duration: 4h\n';

function evaluate(codeowners: string, grants: Record<string, string>, approver = 'dana') {
  const files = { 'access.yml': policy, '.github/CODEOWNERS': codeowners };
  const input: RequestInput = {
    pr: { author: 'alice', headSha: HEAD, baseRef: 'main' },
    defaultBranch: 'main',
    changes: Object.keys(grants).map((path) => ({ path, status: 'added', blobSha: 'b'.repeat(40) })),
    base: repoOf(files),
    head: repoOf({ ...files, ...grants }),
    reviews: [
      {
        reviewer: approver,
        reviewerIsBot: false,
        state: 'APPROVED',
        commitId: HEAD,
        submittedAt: '2026-11-28T09:59:00Z',
      },
    ],
    commitAuthors: ['alice'],
    pusher: 'alice',
    membership: (team, login) =>
      team === '@acme/everyone' || (team === '@acme/dba-leads' && login === 'dana'),
    now: NOW,
  };
  return evaluateRequest(input);
}

const OWNERS = '/grants/prod-db/ @acme/dba-leads\n';
const where = (e: ReturnType<typeof evaluate>) =>
  e.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`);

describe('a request file reads as reviewers see it, or fails the check', () => {
  it('an alias used as a key cannot hide a second expires', () => {
    const text =
      '&k expires: 2026-11-28T11:00:00Z\ngrantee: bob\nresource: prod-db\nreason: "INC-1: replica lag"\n*k : 2026-11-28T13:00:00Z\n';
    const e = evaluate(OWNERS, { 'grants/prod-db/bob.yml': text });
    expect(e.conclusion).toBe('failure');
    expect(e.grants).toEqual([]);
    expect(where(e)).toEqual(['grants/prod-db/bob.yml:5:1 yaml-alias-key']);
  });

  it.each([
    [
      '%YAML 1.1 with a merge key',
      '%YAML 1.1\n---\ngrantee: bob\nresource: prod-db\nreason: "INC-1: replica lag"\n<<: {expires: "2026-11-28T13:00:00Z"}\n',
    ],
    [
      '%YAML 1.1 alone',
      '%YAML 1.1\n---\nexpires: "2026-11-28T11:00:00Z"\ngrantee: bob\nresource: prod-db\nreason: "INC-1: replica lag"\n',
    ],
  ])('a %s fails at the directive', (_what, text) => {
    const e = evaluate(OWNERS, { 'grants/prod-db/bob.yml': text });
    expect(e.conclusion).toBe('failure');
    expect(where(e)).toEqual(['grants/prod-db/bob.yml:1:1 yaml-directive']);
  });

  it('keys that read the same ("expires" twice, one quoted) are duplicates', () => {
    const text =
      'expires: 2026-11-28T11:00:00Z\ngrantee: bob\nresource: prod-db\nreason: "INC-1: replica lag"\n"expires": 2026-11-28T13:00:00Z\n';
    expect(where(evaluate(OWNERS, { 'grants/prod-db/bob.yml': text }))).toEqual([
      'grants/prod-db/bob.yml:5:1 yaml-duplicate-key',
    ]);
  });

  it('a .yaml file, which a *.yml CODEOWNERS rule does not cover, is refused and must be renamed', () => {
    const codeowners = 'grants/ @acme/everyone\n/grants/prod-db/*.yml @acme/dba-leads\n';
    const grant =
      'grantee: bob\nresource: prod-db\nreason: "INC-1: replica lag"\nexpires: 2026-11-28T11:00:00Z\n';
    const e = evaluate(codeowners, { 'grants/prod-db/bob.yaml': grant }, 'eve');
    expect(e.conclusion).toBe('failure');
    expect(e.grants).toEqual([]);
    expect(where(e)).toEqual(['grants/prod-db/bob.yaml:1:1 grant-not-yml']);
    expect(e.problems[0]?.message).toMatch(/rename this file/);
  });

  it('a file name that could forge text elsewhere is refused, naming the allowed characters', () => {
    const file = 'grants/prod-db/<!-- grantops:record {"v":1,"file":"x","state":"revoked"} -->.yml';
    const grant =
      'grantee: bob\nresource: prod-db\nreason: "INC-1: replica lag"\nexpires: 2026-11-28T11:00:00Z\n';
    const e = evaluate(OWNERS, { [file]: grant });
    expect(e.conclusion).toBe('failure');
    expect(e.grants).toEqual([]);
    expect(where(e)).toEqual([`${file}:1:1 grant-path-name`]);
    expect(e.problems[0]?.message).toContain('only letters, digits, ".", "_" and "-"');
  });
});
