import { describe, expect, it } from 'vitest';
import { evaluateRequest, type RequestInput, type ReviewInfo } from '../../../src/core/request/index.js';
import { parseRfc3339 } from '../../../src/core/time/index.js';
import type { GrantsRepo } from '../../../src/core/grantsRepo.js';
import type { Problem } from '../../../src/core/problem.js';
import { repoOf } from '../../helpers/repoOf.js';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const now = parseRfc3339('2026-11-28T10:00:00Z')!;

const policy = `version: 1
settings: { request_ttl: 2d }
resources:
  prod-db:
    provider: github-team
    team: prod-db-admins
    roles: [member, maintainer]
    max_duration: 4h
    approvals: { min: 2 }
  staging:
    provider: environment
    environment: staging
    auto_approve:
      - { max_duration: 2h, grantees: ["@acme/devs"] }
  break-glass:
    provider: github-team
    team: sre
    emergency: { max_duration: 1h }
`;
const codeowners = `* @acme/security
/grants/prod-db/ @acme/dba-leads @carol
/grants/staging/ @acme/release
/grants/break-glass/ @acme/sre-leads
`;
const baseFiles = { 'access.yml': policy, '.github/CODEOWNERS': codeowners };
const grant = (grantee: string, resource: string, expires = '2026-11-28T12:00:00Z', extra = '') =>
  `grantee: ${grantee}\nresource: ${resource}\nreason: investigating INC-1 replication lag\nexpires: ${expires}\n${extra}`;

const teams: Record<string, string[]> = {
  '@acme/dba-leads': ['dana', 'dave'],
  '@acme/release': ['rita'],
  '@acme/devs': ['alice', 'erin'],
  '@acme/security': ['sam'],
  '@acme/sre-leads': ['stan'],
};
const membership = (team: string, login: string) =>
  teams[team.toLowerCase()]?.includes(login.toLowerCase()) ?? false;

const approve = (reviewer: string, at = '2026-11-28T09:00:00Z', commitId = HEAD): ReviewInfo => ({
  reviewer,
  reviewerIsBot: false,
  state: 'APPROVED',
  commitId,
  submittedAt: at,
});

function evaluate(
  overrides: Partial<RequestInput> & {
    headFiles?: Record<string, string>;
    reviews?: readonly ReviewInfo[];
  } = {},
) {
  const headFiles = overrides.headFiles ?? { 'grants/prod-db/alice.yml': grant('alice', 'prod-db') };
  const input: RequestInput = {
    pr: { author: 'alice', headSha: HEAD, baseRef: 'main' },
    defaultBranch: 'main',
    changes: Object.keys(headFiles)
      .filter((p) => !(p in baseFiles) || headFiles[p] !== baseFiles[p as keyof typeof baseFiles])
      .map((path) => ({ path, status: 'added' as const })),
    base: repoOf(baseFiles),
    head: repoOf({ ...baseFiles, ...headFiles }),
    reviews: [],
    commitAuthors: ['alice'],
    pusher: 'alice',
    membership,
    now,
    ...overrides,
  };
  return evaluateRequest(input);
}

describe('evaluateRequest: a valid request', () => {
  it('waits for approvals, listing owners and the minimum', () => {
    const result = evaluate();
    expect(result.kind).toBe('request');
    expect(result.conclusion).toBe('action_required');
    expect(result.title).toBe('Waiting for 2 more code-owner approvals');
    expect(result.approvals).toEqual([
      {
        file: 'grants/prod-db/alice.yml',
        owners: ['@acme/dba-leads', '@carol'],
        min: 2,
        approvedBy: [],
        changesRequestedBy: [],
        approvedVia: undefined,
      },
    ]);
    expect(result.grants).toEqual([
      {
        file: 'grants/prod-db/alice.yml',
        grantee: 'alice',
        resource: 'prod-db',
        role: 'member',
        from: 'on merge',
        until: '2026-11-28T12:00:00Z',
        reason: 'investigating INC-1 replication lag',
        ticket: undefined,
        emergency: false,
        expired: false,
      },
    ]);
    expect(result.mergeable).toBe(false);
  });

  it('passes with approvals.min distinct owners (team member and named user) on the head commit', () => {
    const result = evaluate({ reviews: [approve('dana'), approve('carol')] });
    expect(result).toMatchObject({
      conclusion: 'success',
      mergeable: true,
      title: 'Approved: 1 grant ready to apply on merge',
    });
    expect(result.approvals[0]?.approvedBy).toEqual(['dana', 'carol']);
    expect(result.approvals[0]?.approvedVia).toBe('reviews');
  });

  it('counts one person once, however many times they approve', () => {
    const result = evaluate({
      reviews: [approve('dana', '2026-11-28T08:00:00Z'), approve('DANA', '2026-11-28T09:00:00Z')],
    });
    expect(result.conclusion).toBe('action_required');
    expect(result.approvals[0]?.approvedBy).toEqual(['DANA']);
  });

  it('does not count approvals by people who are not owners of the file', () => {
    const result = evaluate({ reviews: [approve('sam'), approve('rita')] });
    expect(result.approvals[0]?.approvedBy).toEqual([]);
    expect(result.conclusion).toBe('action_required');
  });
});

describe('evaluateRequest refuses every way around approval', () => {
  it.each([
    [
      'approval by the grantee',
      {
        pr: { author: 'bob', headSha: HEAD, baseRef: 'main' },
        commitAuthors: ['bob'],
        pusher: 'bob',
        headFiles: { 'grants/prod-db/dana.yml': grant('dana', 'prod-db') },
        reviews: [approve('dana'), approve('carol')],
      },
      'dana',
      'a grantee cannot approve their own access',
    ],
    [
      'approval by the author',
      {
        pr: { author: 'carol', headSha: HEAD, baseRef: 'main' },
        reviews: [approve('dana'), approve('carol')],
      },
      'carol',
      'the author of a request cannot approve it',
    ],
    [
      'approval by the last pusher',
      { pusher: 'dave', reviews: [approve('dana'), approve('dave')] },
      'dave',
      'the last pusher cannot approve what they pushed',
    ],
    [
      'approval by a commit author',
      { commitAuthors: ['alice', 'dave'], reviews: [approve('dana'), approve('dave')] },
      'dave',
      'an author or committer of a commit in the PR cannot approve it',
    ],
    [
      'approval on an older commit',
      { reviews: [approve('dana'), approve('dave', '2026-11-28T09:00:00Z', OLD)] },
      'dave',
      'the approval is for an older commit (ooooooo); approve the current one',
    ],
    [
      'approval older than request_ttl',
      { reviews: [approve('dana'), approve('dave', '2026-11-26T09:00:00Z')] },
      'dave',
      'the approval is older than the request TTL; approve again',
    ],
    [
      'approval by a bot',
      { reviews: [approve('dana'), { ...approve('dave'), reviewerIsBot: true }] },
      'dave',
      'reviews by bots do not count',
    ],
    [
      'unknown pusher fails closed',
      { pusher: undefined, reviews: [approve('dana'), approve('dave')] },
      'dave',
      'who pushed the head commit is unknown (its push event was not received); push again to re-run the check',
    ],
  ] as const)('%s', (_name, overrides, ignored, why) => {
    const result = evaluate(overrides as Partial<RequestInput>);
    expect(result.conclusion).not.toBe('success');
    expect(result.mergeable).toBe(false);
    expect(result.ignoredReviews).toContainEqual({ reviewer: ignored, why });
  });

  it('does not count an approver who has left the owning team', () => {
    const left = (team: string, login: string) => (login === 'dave' ? false : membership(team, login));
    const result = evaluate({ membership: left, reviews: [approve('dana'), approve('dave')] });
    expect(result.approvals[0]?.approvedBy).toEqual(['dana']);
    expect(result.conclusion).toBe('action_required');
  });

  it('lets a later COMMENTED review leave an approval standing, but a dismissal removes it', () => {
    const commented: ReviewInfo = { ...approve('dave', '2026-11-28T09:30:00Z'), state: 'COMMENTED' };
    expect(evaluate({ reviews: [approve('dana'), approve('dave'), commented] }).conclusion).toBe('success');
    const dismissed: ReviewInfo = { ...approve('dave', '2026-11-28T09:30:00Z'), state: 'DISMISSED' };
    expect(evaluate({ reviews: [approve('dana'), approve('dave'), dismissed] }).conclusion).toBe(
      'action_required',
    );
  });

  it('blocks while an owner requests changes, whatever else approves', () => {
    const changes: ReviewInfo = {
      ...approve('carol', '2026-11-28T09:30:00Z', OLD),
      state: 'CHANGES_REQUESTED',
    };
    const result = evaluate({ reviews: [approve('dana'), approve('dave'), changes] });
    expect(result.conclusion).toBe('action_required');
    expect(result.approvals[0]?.changesRequestedBy).toEqual(['carol']);
  });

  it("fails a grant filed under another resource's folder, whoever approves", () => {
    const result = evaluate({
      headFiles: { 'grants/staging/alice.yml': grant('alice', 'prod-db') },
      reviews: [approve('rita'), approve('dana'), approve('dave')],
    });
    expect(result.conclusion).toBe('failure');
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual([
      'grants/staging/alice.yml:2:11 grant-wrong-folder',
    ]);
  });

  it('fails a policy change smuggled with a grant, and a CODEOWNERS change with a grant', () => {
    const smuggled = evaluate({
      headFiles: {
        'grants/prod-db/alice.yml': grant('alice', 'prod-db'),
        'access.yml': policy.replace('min: 2', 'min: 1'),
      },
    });
    expect(smuggled).toMatchObject({ kind: 'mixed', conclusion: 'failure', mergeable: false });
    expect(smuggled.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual([
      'access.yml:1:1 request-mixed',
    ]);
    const owner = evaluate({
      headFiles: {
        'grants/prod-db/alice.yml': grant('alice', 'prod-db'),
        '.github/CODEOWNERS': `${codeowners}/grants/prod-db/ @alice\n`,
      },
      reviews: [approve('dana'), approve('carol')],
    });
    expect(owner).toMatchObject({ kind: 'mixed', conclusion: 'failure', mergeable: false });
  });

  it('reads owners from the base: a head CODEOWNERS cannot add an approver', () => {
    // even if the mixed rule were bypassed, the owners come from the base repo
    const result = evaluate({
      headFiles: { 'grants/prod-db/alice.yml': grant('alice', 'prod-db') },
      reviews: [approve('mallory'), approve('dana')],
    });
    expect(result.approvals[0]?.owners).toEqual(['@acme/dba-leads', '@carol']);
    expect(result.approvals[0]?.approvedBy).toEqual(['dana']);
  });

  it('fails an invalid grant with its problems at file:line:col', () => {
    const result = evaluate({
      headFiles: {
        'grants/prod-db/alice.yml': grant('alice', 'prod-db', '2026-11-28T20:00:00Z', 'role: owner\n'),
      },
    });
    expect(result.conclusion).toBe('failure');
    expect(result.problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([
      '5:7 grant-role',
      '4:10 grant-too-long',
    ]);
  });

  it('does not judge a PR against another branch', () => {
    expect(evaluate({ pr: { author: 'alice', headSha: HEAD, baseRef: 'release' } })).toMatchObject({
      kind: 'other-branch',
      conclusion: 'neutral',
      mergeable: false,
    });
  });

  it('refuses to judge anything while access.yml on the default branch is invalid', () => {
    const result = evaluate({
      base: repoOf({
        'access.yml': 'version: 1\nresources: {}\nbogus: 1\n',
        '.github/CODEOWNERS': codeowners,
      }),
    });
    expect(result.conclusion).toBe('failure');
    expect(result.problems.map((p) => p.code)).toEqual(['schema-unknown-key']);
  });

  it('refuses a request while the policy on the default branch means nothing (a pattern that does not compile)', () => {
    const broken = policy.replace(
      'prod-db-admins',
      'prod-db-admins\n    require_ticket: true\n    ticket_pattern: "([a-z"',
    );
    const result = evaluate({
      base: repoOf({ ...baseFiles, 'access.yml': broken }),
      reviews: [approve('dana'), approve('dave')],
    });
    expect(result).toMatchObject({
      conclusion: 'failure',
      mergeable: false,
      title: 'access.yml on main is invalid: fix it before any request can be judged',
    });
    expect(result.problems.map((p) => p.code)).toEqual(['policy-ticket-pattern']);
  });

  it('still judges a PR that fixes a broken policy, on the fixed content', () => {
    const broken = policy.replace('max_duration: 4h', 'max_duration: 0h');
    const result = evaluate({
      base: repoOf({ ...baseFiles, 'access.yml': broken }),
      headFiles: { 'access.yml': policy },
      changes: [{ path: 'access.yml', status: 'modified' }],
    });
    expect(result).toMatchObject({ kind: 'maintenance', conclusion: 'success' });
  });

  it('fails a file under grants/ that is not a grant', () => {
    const result = evaluate({ headFiles: { 'grants/prod-db/notes.txt': 'hello' } });
    expect(result.conclusion).toBe('failure');
    expect(result.problems.map((p) => p.code)).toEqual(['grant-not-yaml']);
  });
});

describe('evaluateRequest: automation, emergencies and stale requests', () => {
  it('auto-approves a grant matching an auto_approve rule, and says which rule', () => {
    const result = evaluate({
      headFiles: { 'grants/staging/erin.yml': grant('erin', 'staging', '2026-11-28T11:00:00Z') },
      pr: { author: 'erin', headSha: HEAD, baseRef: 'main' },
    });
    expect(result.conclusion).toBe('success');
    expect(result.approvals[0]).toMatchObject({
      approvedVia: 'auto_approve',
      autoApproveRule: 'up to 2h, for @acme/devs',
    });
  });

  it('does not auto-approve outside the rule (too long, or grantee not in the team)', () => {
    expect(
      evaluate({ headFiles: { 'grants/staging/erin.yml': grant('erin', 'staging', '2026-11-28T13:00:00Z') } })
        .conclusion,
    ).toBe('action_required');
    expect(
      evaluate({ headFiles: { 'grants/staging/bob.yml': grant('bob', 'staging', '2026-11-28T11:00:00Z') } })
        .conclusion,
    ).toBe('action_required');
  });

  it('lets an allowed emergency grant through, flagged', () => {
    const result = evaluate({
      headFiles: {
        'grants/break-glass/alice.yml': grant(
          'alice',
          'break-glass',
          '2026-11-28T11:00:00Z',
          'emergency: true\n',
        ),
      },
    });
    expect(result).toMatchObject({
      conclusion: 'success',
      mergeable: true,
      title: 'EMERGENCY, Approved: 1 grant ready to apply on merge',
    });
    expect(result.approvals[0]?.approvedVia).toBe('emergency');
  });

  it('marks an unapproved request whose grants have all expired as stale', () => {
    const result = evaluate({
      headFiles: { 'grants/prod-db/alice.yml': grant('alice', 'prod-db', '2026-11-28T09:00:00Z') },
    });
    expect(result).toMatchObject({ stale: true, conclusion: 'failure', mergeable: false });
  });

  it('never auto-approves or emergency-approves an expired grant: it is closed, not merged', () => {
    const auto = evaluate({
      headFiles: { 'grants/staging/erin.yml': grant('erin', 'staging', '2026-11-28T09:00:00Z') },
    });
    expect(auto).toMatchObject({ stale: true, mergeable: false, conclusion: 'failure' });
    expect(auto.approvals[0]?.approvedVia).toBeUndefined();
    const glass = evaluate({
      headFiles: {
        'grants/break-glass/alice.yml': grant(
          'alice',
          'break-glass',
          '2026-11-28T09:30:00Z',
          'emergency: true\n',
        ),
      },
    });
    expect(glass).toMatchObject({ stale: true, mergeable: false });
  });

  it('closes an approved request whose grants all expired before anyone merged it', () => {
    const result = evaluate({
      headFiles: { 'grants/prod-db/alice.yml': grant('alice', 'prod-db', '2026-11-28T09:00:00Z') },
      reviews: [approve('dana', '2026-11-28T08:00:00Z'), approve('dave', '2026-11-28T08:00:00Z')],
    });
    expect(result).toMatchObject({ stale: true, mergeable: false });
  });

  it('flags an expired grant among live ones', () => {
    const result = evaluate({
      headFiles: {
        'grants/prod-db/alice.yml': grant('alice', 'prod-db'),
        'grants/prod-db/bob.yml': grant('bob', 'prod-db', '2026-11-28T09:00:00Z'),
      },
    });
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual([
      'grants/prod-db/bob.yml:4:10 request-expired',
    ]);
  });
});

describe('evaluateRequest: other kinds of change', () => {
  it("waits for approval of a PR that only removes grants, unless each is its author's own (evaluateRemovals.test.ts)", () => {
    // alice.yml is not on this base, so it is nobody's own: its code owners must approve removing it.
    const result = evaluate({
      headFiles: {},
      changes: [{ path: 'grants/prod-db/alice.yml', status: 'removed' }],
    });
    expect(result).toMatchObject({
      kind: 'give-back',
      conclusion: 'action_required',
      mergeable: false,
      removedGrants: ['grants/prod-db/alice.yml'],
    });
  });

  it('judges a policy-only PR on validity and never merges it', () => {
    const good = evaluate({ headFiles: { 'access.yml': policy.replace('min: 2', 'min: 1') } });
    expect(good).toMatchObject({ kind: 'maintenance', conclusion: 'success', mergeable: false });
    const bad = evaluate({ headFiles: { 'access.yml': policy.replace('4h', 'four hours') } });
    expect(bad).toMatchObject({ kind: 'maintenance', conclusion: 'failure', mergeable: false });
    expect(bad.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual([
      'access.yml:8:19 schema-pattern',
    ]);
  });

  it('treats a renamed grant as a removal plus a new request at the new path', () => {
    const result = evaluate({
      headFiles: { 'grants/prod-db/alice2.yml': grant('alice', 'prod-db') },
      changes: [
        { path: 'grants/prod-db/alice2.yml', status: 'renamed', previousPath: 'grants/prod-db/alice.yml' },
      ],
    });
    expect(result.kind).toBe('request');
    expect(result.removedGrants).toEqual(['grants/prod-db/alice.yml']);
    // the removal of the old path is approved too (by its grantee, or here by its owners: it is not on the base)
    expect(result.approvals.map((a) => a.file)).toEqual([
      'grants/prod-db/alice2.yml',
      'grants/prod-db/alice.yml',
    ]);
  });

  it('is neutral about a PR that touches nothing it judges', () => {
    expect(
      evaluate({ headFiles: {}, changes: [{ path: 'grants/README.md', status: 'modified' }] }),
    ).toMatchObject({ kind: 'none', conclusion: 'neutral' });
  });
});

describe('evaluateRequest: a default branch without a usable policy', () => {
  // The loader always adds an access.yml problem when it cannot load the policy; a repo built by hand may not.
  const unreadable = (file: string): Problem => ({
    file,
    line: 1,
    col: 1,
    code: 'grants-repo-unreadable',
    message: `cannot read ${file}`,
    severity: 'error',
  });
  it.each<[string, Problem[], Problem[]]>([
    ['no problem to show', [], []],
    [
      'the first problem met',
      [unreadable('grants/a.yml'), unreadable('grants/b.yml')],
      [unreadable('grants/a.yml')],
    ],
  ])('fails every request closed, showing %s', (_name, problems, shown) => {
    const base: GrantsRepo = {
      policy: undefined,
      grants: [],
      codeowners: undefined,
      grantPaths: [],
      problems,
    };
    expect(evaluate({ base })).toMatchObject({
      kind: 'request',
      conclusion: 'failure',
      mergeable: false,
      problems: shown,
      title: 'access.yml on main is invalid: fix it before any request can be judged',
    });
  });
});
