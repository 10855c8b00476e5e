import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../src/config/loadYaml.js';
import { createSchemaValidator } from '../../src/config/schemaValidator.js';

const validator = createSchemaValidator();

function check(kind: 'grant' | 'policy', text: string) {
  const parsed = loadYaml({ file: 'f.yml', text });
  if (!parsed.ok) throw new Error('fixture must parse');
  return validator[kind](parsed.source).problems.map((p) => `${p.line}:${p.col} ${p.code} ${p.message}`);
}

const validGrant =
  'grantee: alice\nresource: prod-db\nreason: replication lag\nexpires: 2026-11-28T18:00:00Z\n';

describe('grant schema', () => {
  it('accepts the documented example', () => {
    expect(check('grant', validGrant)).toEqual([]);
  });

  it.each([
    [
      'missing expires',
      'grantee: alice\nresource: prod-db\nreason: lag\n',
      ['1:1 schema-missing-key missing required key "expires"'],
    ],
    [
      'unknown key with a suggestion',
      `${validGrant}expire: x\n`,
      ['5:1 schema-unknown-key unknown key "expire"; did you mean "expires"?'],
    ],
    [
      'unknown key without a close match',
      `${validGrant}colour: red\n`,
      [
        '5:1 schema-unknown-key unknown key "colour"; allowed keys: grantee, resource, role, reason, ticket, expires, starts, emergency',
      ],
    ],
    [
      'grantee as a number',
      validGrant.replace('alice', '42'),
      ['1:10 schema-type "grantee" must be a string, not number 42'],
    ],
    [
      'grantee with a space',
      validGrant.replace('alice', 'al ice'),
      ['1:10 schema-pattern "al ice" is not a valid GitHub login'],
    ],
    [
      'grantee with a leading hyphen',
      validGrant.replace('alice', '-alice'),
      ['1:10 schema-pattern "-alice" is not a valid GitHub login'],
    ],
    [
      'resource in capitals',
      validGrant.replace('prod-db', 'Prod-DB'),
      [
        '2:11 schema-pattern "Prod-DB" is not a valid resource name (lowercase letters, digits, ".", "_" and "-")',
      ],
    ],
    [
      'emergency as yes',
      `${validGrant}emergency: yes\n`,
      ['5:12 schema-type "emergency" must be true or false, not string "yes"'],
    ],
    [
      'expires as a list',
      validGrant.replace('2026-11-28T18:00:00Z', '[a]'),
      ['4:10 schema-type "expires" must be a string, not a list'],
    ],
    [
      'empty reason',
      validGrant.replace('replication lag', '""'),
      ['3:9 schema-minLength "reason" must NOT have fewer than 1 characters'],
    ],
    [
      'reason as a mapping',
      validGrant.replace('replication lag', '{a: 1}'),
      ['3:9 schema-type "reason" must be a string, not a mapping'],
    ],
    [
      'null grantee',
      validGrant.replace('alice', '~'),
      ['1:10 schema-type "grantee" must be a string, not null'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(check('grant', text)).toEqual(expected);
  });
});

const validPolicy =
  'version: 1\nresources:\n  prod-db:\n    provider: github-team\n    team: prod-db-admins\n';

describe('policy schema', () => {
  it('accepts a minimal policy', () => {
    expect(check('policy', validPolicy)).toEqual([]);
  });

  it.each([
    [
      'wrong version',
      validPolicy.replace('version: 1', 'version: 2'),
      ['1:10 schema-enum "version" must be 1, not number 2'],
    ],
    [
      'misspelt provider',
      validPolicy.replace('github-team', 'github-tam'),
      [
        '4:15 schema-enum "provider" must be one of "github-team", "github-repo", "environment", "webhook", not string "github-tam"',
      ],
    ],
    [
      'bad duration',
      `${validPolicy}    max_duration: 8 hours\n`,
      ['6:19 schema-pattern "8 hours" is not a duration; write it like 30m, 8h, 1h30m, 2d or 1w'],
    ],
    [
      'bad resource name',
      `${validPolicy}  Bad_Name:\n    provider: environment\n`,
      [
        '6:3 schema-pattern "Bad_Name" is not a valid resource name (lowercase letters, digits, ".", "_" and "-")',
      ],
    ],
    [
      'approvals.min of 0',
      `${validPolicy}    approvals: { min: 0 }\n`,
      ['6:23 schema-minimum "min" must be >= 1'],
    ],
    [
      'bad eligible entry',
      `${validPolicy}    eligible: ["bob smith"]\n`,
      ['6:16 schema-pattern "bob smith" is neither a GitHub login nor a team written as @org/team'],
    ],
    [
      'unknown rule in modes',
      `${validPolicy}guardrails:\n  production:\n    modes: { later: warn }\n`,
      [
        '8:14 schema-enum key "later" must be one of "grant", "commands", "freeze", "max_deploys", "terraform", not string "later"',
      ],
    ],
    [
      'max_deploys without per',
      `${validPolicy}guardrails:\n  production:\n    max_deploys: { count: 5 }\n`,
      ['8:5 schema-missing-key missing required key "per" in "max_deploys"'],
    ],
    [
      'grant is not bypassable',
      `${validPolicy}guardrails:\n  production:\n    emergency_bypass: [grant]\n`,
      [
        '8:24 schema-enum item 1 of "emergency_bypass" must be one of "commands", "freeze", "max_deploys", "terraform", not string "grant"',
      ],
    ],
    [
      'unknown top-level key',
      `${validPolicy}resource: {}\n`,
      ['6:1 schema-unknown-key unknown key "resource"; did you mean "resources"?'],
    ],
    ['missing resources', 'version: 1\n', ['1:1 schema-missing-key missing required key "resources"']],
  ])('%s', (_name, text, expected) => {
    expect(check('policy', text)).toEqual(expected);
  });
});
