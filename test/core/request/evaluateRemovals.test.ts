import { describe, expect, it } from 'vitest';
import {
  evaluateRequest,
  type ChangedPath,
  type RequestInput,
  type ReviewInfo,
} from '../../../src/core/request/index.js';
import { parseRfc3339 } from '../../../src/core/time/index.js';
import { repoOf } from '../../helpers/repoOf.js';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const now = parseRfc3339('2026-11-28T10:00:00Z')!;

const policy = `version: 1
resources:
  prod-db:
    provider: github-team
    team: prod-db-admins
    max_duration: 4h
    approvals: { min: 2 }
  staging:
    provider: environment
    environment: staging
    auto_approve:
      - { grantees: ["@acme/devs"] }
`;
const codeowners = `* @acme/security
/grants/prod-db/ @acme/dba-leads @carol
/grants/staging/ @acme/release
`;
const grant = (grantee: string, resource: string, extra = '') =>
  `grantee: ${grantee}\nresource: ${resource}\nreason: investigating INC-1 replication lag\nexpires: 2026-11-28T12:00:00Z\n${extra}`;
const baseFiles = {
  'access.yml': policy,
  '.github/CODEOWNERS': codeowners,
  'grants/prod-db/alice.yml': grant('alice', 'prod-db'),
  'grants/prod-db/bob.yml': grant('bob', 'prod-db'),
  'grants/staging/erin.yml': grant('erin', 'staging'),
  // schema-invalid on the default branch: its grantee cannot be trusted
  'grants/prod-db/broken.yml': grant('mallory', 'prod-db', 'bogus: 1\n'),
};
const teams: Record<string, string[]> = {
  '@acme/dba-leads': ['dana', 'dave'],
  '@acme/release': ['rita'],
  '@acme/devs': ['alice', 'mallory'],
  '@acme/security': ['sam'],
};
const membership = (team: string, login: string) => teams[team.toLowerCase()]?.includes(login) ?? false;

const review = (reviewer: string, state: ReviewInfo['state'] = 'APPROVED', commitId = HEAD): ReviewInfo => ({
  reviewer,
  reviewerIsBot: false,
  state,
  commitId,
  submittedAt: '2026-11-28T09:00:00Z',
});
const removed = (...paths: string[]): ChangedPath[] => paths.map((path) => ({ path, status: 'removed' }));

function evaluate(params: {
  author: string;
  changes: ChangedPath[];
  reviews?: ReviewInfo[];
  base?: Record<string, string>;
  head?: Record<string, string>;
}) {
  const base = params.base ?? baseFiles;
  const input: RequestInput = {
    pr: { author: params.author, headSha: HEAD, baseRef: 'main' },
    defaultBranch: 'main',
    changes: params.changes,
    base: repoOf(base),
    head: repoOf({ ...base, ...params.head }),
    reviews: params.reviews ?? [],
    commitAuthors: [params.author],
    pusher: params.author,
    membership,
    now,
  };
  return evaluateRequest(input);
}

const BOB = 'grants/prod-db/bob.yml';
const ALICE = 'grants/prod-db/alice.yml';

describe('evaluateRequest: a pull request that only removes grants', () => {
  it.each<{
    name: string;
    author: string;
    files: string[];
    reviews?: ReviewInfo[];
    base?: Record<string, string>;
    conclusion: string;
    title: string;
    via: (string | undefined)[];
  }>([
    {
      name: 'the grantee gives their own access back: no approval needed',
      author: 'alice',
      files: [ALICE],
      conclusion: 'success',
      title: 'Removes 1 grant: the access is revoked on merge',
      via: ['grantee'],
    },
    {
      name: "someone else's grant, unapproved: waits, naming its owners and its grantee",
      author: 'mallory',
      files: [BOB],
      conclusion: 'action_required',
      title: `Removing 1 grant of others needs approval: ${BOB} by @acme/dba-leads, @carol or @bob`,
      via: [undefined],
    },
    {
      name: 'one approval by a code owner (through a team) suffices: approvals.min is for granting',
      author: 'mallory',
      files: [BOB],
      reviews: [review('dana')],
      conclusion: 'success',
      title: 'Removes 1 grant: the access is revoked on merge',
      via: ['reviews'],
    },
    {
      name: 'a code owner by name approves',
      author: 'mallory',
      files: [BOB],
      reviews: [review('carol')],
      conclusion: 'success',
      title: 'Removes 1 grant: the access is revoked on merge',
      via: ['reviews'],
    },
    {
      name: 'an owner of an earlier CODEOWNERS rule does not count (last matching rule wins)',
      author: 'mallory',
      files: [BOB],
      reviews: [review('sam')],
      conclusion: 'action_required',
      title: `Removing 1 grant of others needs approval: ${BOB} by @acme/dba-leads, @carol or @bob`,
      via: [undefined],
    },
    {
      name: "an owner's approval of an older commit does not count",
      author: 'mallory',
      files: [BOB],
      reviews: [review('dana', 'APPROVED', OLD)],
      conclusion: 'action_required',
      title: `Removing 1 grant of others needs approval: ${BOB} by @acme/dba-leads, @carol or @bob`,
      via: [undefined],
    },
    {
      name: "the grantee approving someone else's PR that removes their grant gives it back",
      author: 'mallory',
      files: [BOB],
      reviews: [review('bob')],
      conclusion: 'success',
      title: 'Removes 1 grant: the access is revoked on merge',
      via: ['grantee'],
    },
    {
      name: "the grantee of one removed file does not approve another's removal",
      author: 'mallory',
      files: [ALICE, BOB],
      reviews: [review('bob')],
      conclusion: 'action_required',
      title: `Removing 1 of 2 grants of others needs approval: ${ALICE} by @acme/dba-leads, @carol or @alice`,
      via: [undefined, 'grantee'],
    },
    {
      name: "own and someone else's: waits for the other one only",
      author: 'alice',
      files: [ALICE, BOB],
      conclusion: 'action_required',
      title: `Removing 1 of 2 grants of others needs approval: ${BOB} by @acme/dba-leads, @carol or @bob`,
      via: ['grantee', undefined],
    },
    {
      name: "own and someone else's, the other approved by its owner",
      author: 'alice',
      files: [ALICE, BOB],
      reviews: [review('dave')],
      conclusion: 'success',
      title: 'Removes 2 grants: the access is revoked on merge',
      via: ['grantee', 'reviews'],
    },
    {
      name: 'auto_approve rules do not approve removing a grant of others',
      author: 'alice',
      files: ['grants/staging/erin.yml'],
      conclusion: 'action_required',
      title: 'Removing 1 grant of others needs approval: grants/staging/erin.yml by @acme/release or @erin',
      via: [undefined],
    },
    {
      name: "a file that is no valid grant on the default branch is nobody's own (fail closed)",
      author: 'mallory',
      files: ['grants/prod-db/broken.yml'],
      conclusion: 'action_required',
      title:
        'Removing 1 grant of others needs approval: grants/prod-db/broken.yml by @acme/dba-leads or @carol',
      via: [undefined],
    },
    {
      name: "a file missing on the default branch is nobody's own (fail closed)",
      author: 'ghost',
      files: ['grants/prod-db/ghost.yml'],
      conclusion: 'action_required',
      title:
        'Removing 1 grant of others needs approval: grants/prod-db/ghost.yml by @acme/dba-leads or @carol',
      via: [undefined],
    },
    {
      name: "an owner's requested changes block the other owners, not the grantee",
      author: 'mallory',
      files: [BOB],
      reviews: [review('dana', 'CHANGES_REQUESTED'), review('carol')],
      conclusion: 'action_required',
      title: `Removing 1 grant of others needs approval: ${BOB} by @bob (changes requested by @dana)`,
      via: [undefined],
    },
    {
      name: "the grantee gives it back despite an owner's requested changes",
      author: 'mallory',
      files: [BOB],
      reviews: [review('dana', 'CHANGES_REQUESTED'), review('bob')],
      conclusion: 'success',
      title: 'Removes 1 grant: the access is revoked on merge',
      via: ['grantee'],
    },
    {
      name: 'requested changes on a file that has no grantee block it',
      author: 'mallory',
      files: ['grants/prod-db/broken.yml'],
      reviews: [review('dana', 'CHANGES_REQUESTED')],
      conclusion: 'action_required',
      title:
        'Removing 1 grant of others needs approval: grants/prod-db/broken.yml: changes requested by @dana',
      via: [undefined],
    },
    {
      name: 'no CODEOWNERS on the default branch and no grant: nobody can approve',
      author: 'mallory',
      files: ['grants/prod-db/ghost.yml'],
      base: { 'access.yml': policy },
      conclusion: 'action_required',
      title:
        'Removing 1 grant of others needs approval: grants/prod-db/ghost.yml cannot be approved (no code owner, and not a grant on the default branch)',
      via: [undefined],
    },
  ])('$name', ({ author, files, reviews, base, conclusion, title, via }) => {
    const result = evaluate({ author, changes: removed(...files), reviews, base });
    expect(result).toMatchObject({
      kind: 'give-back',
      conclusion,
      title,
      mergeable: false,
      removedGrants: files,
    });
    expect(result.approvals.map((a) => a.approvedVia)).toEqual(via);
  });

  it('lists every removal with its owners, one required approval, and its grantee', () => {
    const result = evaluate({ author: 'mallory', changes: removed(BOB), reviews: [review('sam')] });
    expect(result.approvals).toEqual([
      {
        file: BOB,
        owners: ['@acme/dba-leads', '@carol'],
        min: 1,
        approvedBy: [],
        changesRequestedBy: [],
        approvedVia: undefined,
        removal: { grantee: 'bob' },
      },
    ]);
  });

  it("does not count the author's or a bot's approval, and says why", () => {
    const result = evaluate({
      author: 'mallory',
      changes: removed(BOB),
      reviews: [review('mallory'), { ...review('dependabot'), reviewerIsBot: true }],
    });
    expect(result.conclusion).toBe('action_required');
    expect(result.ignoredReviews.map((r) => r.reviewer)).toEqual(['mallory', 'dependabot']);
  });

  it('fails closed while access.yml on the default branch is invalid', () => {
    const result = evaluate({
      author: 'alice',
      changes: removed(ALICE),
      base: { ...baseFiles, 'access.yml': policy.replace('4h', 'four hours') },
    });
    expect(result).toMatchObject({ kind: 'give-back', conclusion: 'failure', mergeable: false });
  });
});

describe('evaluateRequest: a request that also removes grants', () => {
  const withErin = { 'grants/staging/alice.yml': grant('alice', 'staging') };
  const changes: ChangedPath[] = [{ path: 'grants/staging/alice.yml', status: 'added' }, ...removed(BOB)];

  it("is not approved (nor merged) by its own auto_approve while it removes someone else's grant", () => {
    const result = evaluate({ author: 'alice', changes, head: withErin });
    expect(result).toMatchObject({
      kind: 'request',
      conclusion: 'action_required',
      mergeable: false,
      removedGrants: [BOB],
    });
    expect(result.approvals.map((a) => [a.file, a.approvedVia])).toEqual([
      ['grants/staging/alice.yml', 'auto_approve'],
      [BOB, undefined],
    ]);
  });

  it('is approved once an owner of the removed file approves', () => {
    const result = evaluate({ author: 'alice', changes, head: withErin, reviews: [review('dana')] });
    expect(result).toMatchObject({ kind: 'request', conclusion: 'success', mergeable: true });
  });

  it('renaming your own grant needs only the approvals of the new file', () => {
    const result = evaluate({
      author: 'alice',
      changes: [{ path: 'grants/staging/alice.yml', status: 'renamed', previousPath: ALICE }],
      head: withErin,
    });
    expect(result.approvals.map((a) => [a.file, a.approvedVia])).toEqual([
      ['grants/staging/alice.yml', 'auto_approve'],
      [ALICE, 'grantee'],
    ]);
    expect(result).toMatchObject({ conclusion: 'success', mergeable: true });
  });
});
