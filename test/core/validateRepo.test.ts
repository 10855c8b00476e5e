import { describe, expect, it } from 'vitest';
import { loadGrantsRepo } from '../../src/config/loadGrantsRepo.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';
import { planGrants } from '../../src/core/planGrants.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { validateRepo } from '../../src/core/validateRepo.js';
import { where } from '../helpers/sourceOf.js';

const validator = createSchemaValidator();
const encode = (files: Record<string, string>) =>
  new Map(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)]));
const now = parseRfc3339('2026-11-28T10:00:00Z')!;

const policy = `version: 1
resources:
  db:
    provider: github-team
    team: dba
  web:
    provider: github-team
    team: web
`;
const grant = (grantee: string, resource: string, expires: string, extra = '') =>
  `grantee: ${grantee}\nresource: ${resource}\nreason: investigating the incident\nexpires: ${expires}\n${extra}`;

function run(files: Record<string, string>) {
  const repo = loadGrantsRepo({ files: encode(files), validator });
  const problems = validateRepo({ repo, now });
  return { repo, problems, plan: planGrants({ repo, problems, now }) };
}

describe('validateRepo', () => {
  it('accepts a repo with a policy, owners and valid grants', () => {
    const { problems } = run({
      'access.yml': policy,
      '.github/CODEOWNERS': '/grants/ @acme/leads\n',
      'grants/db/alice.yml': grant('alice', 'db', '2026-11-28T12:00:00Z'),
      'grants/README.md': 'how to ask for access',
    });
    expect(problems).toEqual([]);
  });

  it('fails closed on a grant no CODEOWNERS rule owns, and on a repo without CODEOWNERS', () => {
    const files = {
      'access.yml': policy,
      'grants/db/alice.yml': grant('alice', 'db', '2026-11-28T12:00:00Z'),
    };
    expect(where(run(files).problems)).toEqual(['.github/CODEOWNERS:1:1 repo-no-codeowners']);
    const unowned = run({ ...files, '.github/CODEOWNERS': '/grants/web/ @acme/web\n/grants/db/\n' });
    expect(where(unowned.problems)).toEqual(['grants/db/alice.yml:1:1 grant-unowned']);
  });

  it('needs no CODEOWNERS while there are no grants to approve', () => {
    expect(run({ 'access.yml': policy, 'grants/README.md': 'how to ask for access' }).problems).toEqual([]);
  });

  it('reports a missing policy, misplaced files and other files under grants/', () => {
    const { problems } = run({
      '.github/CODEOWNERS': '* @acme/leads\n',
      'grants/alice.yml': grant('alice', 'db', '2026-11-28T12:00:00Z'),
      'grants/db/notes.txt': 'x',
      'grants/db/deep/alice.yml': grant('alice', 'db', '2026-11-28T12:00:00Z'),
    });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.code}`)).toEqual([
      'access.yml:1:1 error repo-no-policy',
      'grants/alice.yml:1:1 error grant-path',
      'grants/db/deep/alice.yml:1:1 error grant-path',
      'grants/db/notes.txt:1:1 warning grant-not-yaml',
    ]);
  });

  it('refuses files that are not UTF-8 or too large, naming them', () => {
    const files = encode({ 'access.yml': policy, '.github/CODEOWNERS': '* @a\n' });
    files.set('grants/db/bin.yml', new Uint8Array([0xff, 0xfe, 0x00]));
    files.set('grants/db/big.yml', new TextEncoder().encode(`reason: "${'x'.repeat(70_000)}"`));
    const repo = loadGrantsRepo({ files, validator });
    expect(where(validateRepo({ repo, now }))).toEqual([
      'grants/db/big.yml:1:1 file-too-large',
      'grants/db/bin.yml:1:1 file-not-utf8',
    ]);
  });

  it('warns about two unexpired grants of one resource to one person', () => {
    const { problems } = run({
      'access.yml': policy,
      '.github/CODEOWNERS': '* @a\n',
      'grants/db/a1.yml': grant('alice', 'db', '2026-11-28T12:00:00Z'),
      'grants/db/a2.yml': grant('ALICE', 'db', '2026-11-28T13:00:00Z'),
      'grants/db/old.yml': grant('alice', 'db', '2026-11-01T13:00:00Z'),
    });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.code}`)).toEqual([
      'grants/db/a2.yml:1:10 warning grant-duplicate',
    ]);
  });
});

describe('planGrants', () => {
  it('sorts grants into active, scheduled and expired, and revokes the expired ones', () => {
    const { plan } = run({
      'access.yml': policy,
      '.github/CODEOWNERS': '* @a\n',
      'grants/db/active.yml': grant('alice', 'db', '2026-11-28T12:00:00Z'),
      'grants/db/edge.yml': grant('erin', 'db', '2026-11-28T10:00:00Z'),
      'grants/web/later.yml': grant('bob', 'web', '2026-11-29T12:00:00Z', 'starts: 2026-11-29T09:00:00Z\n'),
      'grants/web/old.yml': grant('carol', 'web', '2026-11-27T12:00:00+01:00'),
      'grants/web/broken.yml': grant('dan', 'db', '2026-11-28T12:00:00Z'),
    });
    expect(plan.active.map((g) => g.file)).toEqual(['grants/db/active.yml']);
    expect(plan.scheduled.map((g) => [g.file, g.starts])).toEqual([
      ['grants/web/later.yml', '2026-11-29T09:00:00Z'],
    ]);
    // expired exactly at `expires`: the edge grant is gone at 10:00:00.000
    expect(plan.expired.map((g) => g.file)).toEqual(['grants/web/old.yml', 'grants/db/edge.yml']);
    expect(plan.revoke).toEqual(plan.expired);
    expect(plan.invalid).toEqual(['grants/web/broken.yml']);
    expect(plan.active[0]).toMatchObject({
      grantee: 'alice',
      role: 'member',
      expires: '2026-11-28T12:00:00Z',
    });
  });

  it('orders grants that expire at the same instant by file, whatever order they were read in', () => {
    const { repo, problems } = run({
      'access.yml': policy,
      '.github/CODEOWNERS': '* @a\n',
      'grants/web/zoe.yml': grant('zoe', 'web', '2026-11-28T12:00:00Z'),
      'grants/db/bob.yml': grant('bob', 'db', '2026-11-28T13:00:00+01:00'),
      'grants/db/alice.yml': grant('alice', 'db', '2026-11-28T11:00:00Z'),
      'grants/db/carol.yml': grant('carol', 'db', '2026-11-28T12:00:00Z'),
    });
    const expected = [
      'grants/db/alice.yml',
      'grants/db/bob.yml',
      'grants/db/carol.yml',
      'grants/web/zoe.yml',
    ];
    for (const grants of [repo.grants, [...repo.grants].reverse()]) {
      const plan = planGrants({ repo: { ...repo, grants }, problems, now });
      expect(plan.active.map((g) => g.file)).toEqual(expected);
    }
  });

  it('plans nothing when the policy itself is broken', () => {
    const { plan } = run({
      'access.yml': 'version: 1\nresources: {}\nextra: 1\n',
      '.github/CODEOWNERS': '* @a\n',
      'grants/db/a.yml': grant('alice', 'db', '2026-11-28T12:00:00Z'),
    });
    expect(plan.active).toEqual([]);
    expect(plan.invalid).toEqual(['grants/db/a.yml']);
  });
});
