import { describe, expect, it } from 'vitest';
import { teamsToResolve } from '../../../src/core/request/index.js';
import { repoOf } from '../../helpers/repoOf.js';

const policy = `version: 1
resources:
  db:
    provider: github-team
    team: dba
    eligible: ["@acme/SRE", bob]
    auto_approve:
      - { grantees: ["@acme/oncall"] }
      - { max_duration: 1h }
  web:
    provider: github-team
    team: web
    eligible: ["@acme/web-devs"]
`;
const codeowners = '* @acme/security\n/grants/db/ @acme/dba-leads @carol\n';
const grant = (resource: string) =>
  `grantee: alice\nresource: ${resource}\nreason: investigating INC-1\nexpires: 2026-11-28T12:00:00Z\n`;
const head = repoOf({
  'access.yml': policy,
  'grants/db/alice.yml': grant('db'),
  'grants/web/alice.yml': grant('web'),
  'grants/gone/alice.yml': grant('gone'),
});

describe('teamsToResolve', () => {
  it.each<[string, Record<string, string>, string[], string[]]>([
    [
      "owners of the requested files and the requested resources' eligible and auto_approve teams, lowercased",
      { 'access.yml': policy, '.github/CODEOWNERS': codeowners },
      ['grants/db/alice.yml'],
      ['@acme/dba-leads', '@acme/oncall', '@acme/sre'],
    ],
    [
      'nothing from resources that were not requested',
      { 'access.yml': policy, '.github/CODEOWNERS': codeowners },
      ['grants/web/alice.yml'],
      ['@acme/security', '@acme/web-devs'],
    ],
    [
      'nothing for a grant of a resource the base policy lacks',
      { 'access.yml': policy, '.github/CODEOWNERS': codeowners },
      ['grants/gone/alice.yml'],
      ['@acme/security'],
    ],
    [
      'no owners when the base has no CODEOWNERS',
      { 'access.yml': policy },
      ['grants/db/alice.yml'],
      ['@acme/oncall', '@acme/sre'],
    ],
    [
      'only owners when the base policy does not load',
      { 'access.yml': 'version: 1\nresources: {}\nbogus: 1\n', '.github/CODEOWNERS': codeowners },
      ['grants/db/alice.yml'],
      ['@acme/dba-leads'],
    ],
  ])('%s', (_name, baseFiles, requested, teams) => {
    expect(teamsToResolve({ base: repoOf(baseFiles), head, requested, removed: [] })).toEqual(teams);
  });

  it("adds the owners of removed files, not their resources' teams (removals are approved by owners or grantees)", () => {
    const base = repoOf({ 'access.yml': policy, '.github/CODEOWNERS': codeowners });
    expect(teamsToResolve({ base, head, requested: [], removed: ['grants/db/alice.yml'] })).toEqual([
      '@acme/dba-leads',
    ]);
  });
});
