import { describe, expect, it } from 'vitest';
import { judgeRequestedGrants } from '../../../src/core/request/judgeRequestedGrants.js';
import type { RequestInput } from '../../../src/core/request/index.js';
import { parseRfc3339 } from '../../../src/core/time/index.js';
import { repoOf } from '../../helpers/repoOf.js';
import { loadGrantsRepo } from '../../../src/config/loadGrantsRepo.js';
import { createSchemaValidator } from '../../../src/config/schemaValidator.js';

const HEAD = 'h'.repeat(40);
const now = parseRfc3339('2026-11-28T10:00:00Z')!;
const DAY = 86_400_000;

const policy = `version: 1
resources:
  db:
    provider: github-team
    team: dba
    roles: [member, maintainer]
`;
const codeowners = '/grants/db/ @carol\n/grants/other/ @carol\n';
const baseFiles = { 'access.yml': policy, '.github/CODEOWNERS': codeowners };
const grant = (resource: string, expires = '2026-11-28T12:00:00Z', extra = '') =>
  `grantee: alice\nresource: ${resource}\nreason: investigating INC-1\nexpires: ${expires}\n${extra}`;

function judge(params: {
  head: Record<string, string>;
  requested?: string[];
  base?: Record<string, string>;
}) {
  const input: RequestInput = {
    pr: { author: 'alice', headSha: HEAD, baseRef: 'main' },
    defaultBranch: 'main',
    changes: [],
    base: repoOf(params.base ?? baseFiles),
    head: repoOf({ ...baseFiles, ...params.head }),
    reviews: [],
    commitAuthors: ['alice'],
    pusher: 'alice',
    membership: () => false,
    now,
  };
  const judged = judgeRequestedGrants({
    input,
    requested: params.requested ?? Object.keys(params.head),
    removed: [],
    ttlMs: DAY,
  });
  return {
    ...judged,
    where: judged.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.code}`),
  };
}

describe('judgeRequestedGrants: every requested path must yield a valid, owned grant', () => {
  it.each<[string, Parameters<typeof judge>[0], string[]]>([
    [
      'a grant that fails its schema keeps the loader problem as it is',
      { head: { 'grants/db/alice.yml': grant('db', undefined, 'colour: red\n') } },
      ['grants/db/alice.yml:5:1 error schema-unknown-key'],
    ],
    [
      'a grant that is not YAML cannot be requested (an error here, a warning elsewhere)',
      { head: { 'grants/db/alice.txt': 'hello' } },
      ['grants/db/alice.txt:1:1 error grant-not-yaml'],
    ],
    [
      'a requested path the head snapshot does not hold fails closed',
      { head: {}, requested: ['grants/db/ghost.yml'] },
      ['grants/db/ghost.yml:1:1 error request-not-a-grant'],
    ],
    [
      'no CODEOWNERS on the default branch: nobody can approve',
      { head: { 'grants/db/alice.yml': grant('db') }, base: { 'access.yml': policy } },
      ['grants/db/alice.yml:1:1 error grant-unowned'],
    ],
    [
      'a CODEOWNERS that does not own the file: nobody can approve',
      {
        head: { 'grants/db/alice.yml': grant('db') },
        base: { 'access.yml': policy, CODEOWNERS: '/docs/ @carol\n' },
      },
      ['grants/db/alice.yml:1:1 error grant-unowned'],
    ],
    [
      'a grant file handed to another grantee (it would extend the first one under the second name)',
      {
        head: { 'grants/db/alice.yml': grant('db').replace('grantee: alice', 'grantee: bob') },
        base: { ...baseFiles, 'grants/db/alice.yml': grant('db') },
      },
      ['grants/db/alice.yml:1:10 error grant-grantee-changed'],
    ],
  ])('%s', (_name, params, where) => {
    const judged = judge(params);
    expect(judged.where).toEqual(where);
    expect(judged.approvals.map((a) => a.approvedVia)).toEqual(judged.approvals.map(() => undefined));
  });

  it('a CODEOWNERS GitHub uses but grantops cannot read: the check says so at that file, not only "unowned"', () => {
    const files = new Map<string, Uint8Array>([
      ['access.yml', new TextEncoder().encode(policy)],
      ['.github/CODEOWNERS', Uint8Array.from([0x2f, 0x67, 0xff, 0xfe, 0x0a])], // not UTF-8
      ['CODEOWNERS', new TextEncoder().encode('* @everyone\n')], // ignored: GitHub uses .github/CODEOWNERS
    ]);
    const base = loadGrantsRepo({ files, validator: createSchemaValidator() });
    const input: RequestInput = {
      pr: { author: 'alice', headSha: HEAD, baseRef: 'main' },
      defaultBranch: 'main',
      changes: [],
      base,
      head: repoOf({ ...baseFiles, 'grants/db/alice.yml': grant('db') }),
      reviews: [],
      commitAuthors: ['alice'],
      pusher: 'alice',
      membership: () => false,
      now,
    };
    const judged = judgeRequestedGrants({
      input,
      requested: ['grants/db/alice.yml'],
      removed: [],
      ttlMs: DAY,
    });
    expect(judged.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual([
      'grants/db/alice.yml:1:1 grant-unowned',
      '.github/CODEOWNERS:1:1 codeowners-unreadable',
    ]);
  });

  it('an extension by the same grantee, spelled in another case, is not a change of grantee', () => {
    const judged = judge({
      head: { 'grants/db/alice.yml': grant('db', '2026-11-28T13:00:00Z').replace('alice', 'Alice') },
      base: { ...baseFiles, 'grants/db/alice.yml': grant('db') },
    });
    expect(judged.where).toEqual([]);
  });

  it('explains the problem message of a non-YAML file in terms of requests', () => {
    expect(judge({ head: { 'grants/db/alice.txt': 'hello' } }).problems[0]?.message).toBe(
      'only grant files (.yml) may be requested under grants/',
    );
  });

  it('shows a grant of an unknown resource with no role, held to one approval', () => {
    const judged = judge({ head: { 'grants/other/alice.yml': grant('other') } });
    expect(judged.where).toEqual(['grants/other/alice.yml:2:11 error grant-unknown-resource']);
    expect(judged.grants[0]).toMatchObject({ resource: 'other', role: undefined, expired: false });
    expect(judged.approvals[0]).toMatchObject({ owners: ['@carol'], min: 1, approvedVia: undefined });
  });

  it('shows an unreadable expires as written, never as expired (so the request is not closed as stale)', () => {
    const judged = judge({ head: { 'grants/db/alice.yml': grant('db', '2026-02-30T12:00:00Z') } });
    expect(judged.where).toEqual(['grants/db/alice.yml:4:10 error grant-time']);
    expect(judged.grants[0]).toMatchObject({ until: '2026-02-30T12:00:00Z', expired: false, role: 'member' });
    expect(judged.allExpired).toBe(false);
  });

  it('normalises a readable expires to UTC in the grants table', () => {
    const judged = judge({ head: { 'grants/db/alice.yml': grant('db', '2026-11-28T13:00:00+02:00') } });
    expect(judged.where).toEqual([]);
    expect(judged.grants[0]).toMatchObject({ until: '2026-11-28T11:00:00Z', expired: false });
  });
});
