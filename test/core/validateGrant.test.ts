import { describe, expect, it } from 'vitest';
import { validateGrant } from '../../src/core/validateGrant.js';
import { validatePolicy } from '../../src/core/validatePolicy.js';
import { parseRfc3339 } from '../../src/core/time/index.js';
import { grantOf, policyOf } from '../helpers/sourceOf.js';

const policy = policyOf(`version: 1
defaults: { max_duration: 8h }
resources:
  prod-db:
    provider: github-team
    team: prod-db-admins
    roles: [member, maintainer]
    max_duration: 4h
    require_ticket: true
    ticket_pattern: "^INC-[0-9]+$"
    eligible: ["@acme/sre", bob]
    emergency: { max_duration: 1h }
  staging:
    provider: environment
    environment: staging
  docs-repo:
    provider: github-repo
    repo: acme/docs
    reason_min_length: 3
`).data;

const now = parseRfc3339('2026-11-28T10:00:00Z')!;

/** A valid prod-db grant; each case edits one line. */
const base = `grantee: bob
resource: prod-db
role: member
reason: "INC-1: replication lag"
ticket: INC-1
expires: 2026-11-28T12:00:00Z
`;

function problemsOf(
  text: string,
  options: { file?: string; membership?: (t: string, l: string) => boolean | undefined } = {},
) {
  const source = grantOf(options.file ?? 'grants/prod-db/bob.yml', text);
  return validateGrant(source, {
    policy,
    now,
    ...(options.membership ? { membership: options.membership } : {}),
  }).map((p) => `${p.line}:${p.col} ${p.severity} ${p.code}: ${p.message}`);
}

const problemsFor = (
  problems: readonly { line: number; col: number; severity: string; code: string; message: string }[],
) => problems.map((p) => `${p.line}:${p.col} ${p.severity} ${p.code}: ${p.message}`);

describe('validateGrant', () => {
  it('accepts a grant that follows every rule', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it.each([
    [
      'grant filed under another resource',
      { file: 'grants/staging/bob.yml' },
      base,
      [
        '2:11 error grant-wrong-folder: this file is in grants/staging/ but asks for resource "prod-db"; a grant must be filed under its own resource: move it to grants/prod-db/',
      ],
    ],
    [
      'file outside a resource folder',
      { file: 'grants/bob.yml' },
      base,
      [
        '1:1 error grant-path: a grant file must be at grants/<resource>/<name>.yml; move this file into its resource folder',
      ],
    ],
    [
      'unknown resource with a suggestion',
      { file: 'grants/prod-dv/bob.yml' },
      base.replace('resource: prod-db', 'resource: prod-dv'),
      [
        '2:11 error grant-unknown-resource: resource "prod-dv" is not defined in access.yml; did you mean "prod-db"?',
      ],
    ],
    [
      'resource named after an Object method',
      { file: 'grants/constructor/bob.yml' },
      base.replace('resource: prod-db', 'resource: constructor'),
      ['2:11 error grant-unknown-resource: resource "constructor" is not defined in access.yml'],
    ],
    [
      'role the resource lacks',
      {},
      base.replace('role: member', 'role: owner'),
      ['3:7 error grant-role: role "owner" is not a role of prod-db: member, maintainer'],
    ],
    [
      'reason too short',
      {},
      base.replace('"INC-1: replication lag"', 'fix'),
      [
        '4:9 error grant-reason-short: reason is too short: say why the access is needed in at least 10 characters',
      ],
    ],
    [
      'reason of spaces',
      {},
      base.replace('"INC-1: replication lag"', '"            "'),
      [
        '4:9 error grant-reason-short: reason is too short: say why the access is needed in at least 10 characters',
      ],
    ],
    [
      'ticket missing where required',
      {},
      base.replace('ticket: INC-1\n', ''),
      ['1:1 error grant-ticket-missing: prod-db requires a ticket: add `ticket: <id>`'],
    ],
    [
      'ticket not matching the pattern',
      {},
      base.replace('ticket: INC-1', 'ticket: JIRA-1'),
      [
        '5:9 error grant-ticket-pattern: ticket "JIRA-1" does not match prod-db\'s ticket_pattern ^INC-[0-9]+$',
      ],
    ],
    [
      'grantee not eligible (teams known)',
      { membership: () => false },
      base.replace('grantee: bob', 'grantee: mallory'),
      ['1:10 error grant-not-eligible: mallory is not eligible for prod-db (eligible: @acme/sre, bob)'],
    ],
    [
      'grantee eligibility unknown offline',
      {},
      base.replace('grantee: bob', 'grantee: alice'),
      [
        '1:10 warning grant-eligibility-unknown: cannot tell offline whether alice is in @acme/sre; the App checks it on the pull request',
      ],
    ],
    [
      'expires without an offset',
      {},
      base.replace('2026-11-28T12:00:00Z', '2026-11-28T12:00:00'),
      [
        '6:10 error grant-time: expires "2026-11-28T12:00:00" has no UTC offset; add one, e.g. 2026-11-28T12:00:00Z or 2026-11-28T12:00:00+01:00',
      ],
    ],
    [
      'expires on February 30th',
      {},
      base.replace('2026-11-28T12:00:00Z', '2026-02-30T12:00:00Z'),
      ['6:10 error grant-time: expires "2026-02-30T12:00:00Z" is not a real date and time'],
    ],
    [
      'expires at hour 24',
      {},
      base.replace('2026-11-28T12:00:00Z', '2026-11-28T24:00:00Z'),
      ['6:10 error grant-time: expires "2026-11-28T24:00:00Z" is not a real date and time'],
    ],
    [
      'expires as a date only',
      {},
      base.replace('2026-11-28T12:00:00Z', '2026-11-28'),
      ['6:10 error grant-time: expires "2026-11-28" is not an RFC 3339 time such as 2026-11-28T18:00:00Z'],
    ],
    [
      'expires without seconds',
      {},
      base.replace('2026-11-28T12:00:00Z', '2026-11-28T12:00Z'),
      [
        '6:10 error grant-time: expires "2026-11-28T12:00Z" is not an RFC 3339 time; write it as YYYY-MM-DDTHH:MM:SS with an offset, such as 2026-11-28T18:00:00Z',
      ],
    ],
    [
      'starts unparseable',
      {},
      `${base}starts: tomorrow\n`,
      ['7:9 error grant-time: starts "tomorrow" is not an RFC 3339 time such as 2026-11-28T18:00:00Z'],
    ],
    [
      'expires before starts',
      {},
      `${base}starts: 2026-11-28T13:00:00Z\n`,
      ['6:10 error grant-expires-before-starts: expires must be later than starts'],
    ],
    [
      'longer than max_duration from now',
      {},
      base.replace('2026-11-28T12:00:00Z', '2026-11-28T14:00:01Z'),
      [
        "6:10 error grant-too-long: grant lasts 4h1s from 2026-11-28T10:00:00Z, over prod-db's max_duration of 4h; set expires to 2026-11-28T14:00:00Z or earlier",
      ],
    ],
    [
      'longer than max_duration from starts',
      {},
      base.replace('2026-11-28T12:00:00Z', '2026-11-29T15:00:00+02:00') + 'starts: 2026-11-29T08:00:00Z\n',
      [
        "6:10 error grant-too-long: grant lasts 5h from 2026-11-29T08:00:00Z, over prod-db's max_duration of 4h; set expires to 2026-11-29T12:00:00Z or earlier",
      ],
    ],
    [
      'emergency longer than the emergency cap',
      {},
      `${base}emergency: true\n`,
      [
        "6:10 error grant-too-long: grant lasts 2h from 2026-11-28T10:00:00Z, over prod-db's emergency max_duration of 1h; set expires to 2026-11-28T11:00:00Z or earlier",
      ],
    ],
    [
      'emergency where not allowed',
      { file: 'grants/staging/bob.yml' },
      'grantee: bob\nresource: staging\nreason: deploy hotfix now\nexpires: 2026-11-28T11:00:00Z\nemergency: true\n',
      [
        '5:12 error grant-emergency-not-allowed: staging does not allow emergency grants; remove `emergency` or ask for an ordinary grant',
      ],
    ],
    [
      'role on a resource without roles',
      { file: 'grants/staging/bob.yml' },
      'grantee: bob\nresource: staging\nrole: admin\nreason: deploy hotfix now\nexpires: 2026-11-28T11:00:00Z\n',
      ['3:7 error grant-role: role "admin" is not a role of staging; remove `role`'],
    ],
    [
      'a github-repo role other than its permission',
      { file: 'grants/docs-repo/bob.yml' },
      'grantee: bob\nresource: docs-repo\nrole: admin\nreason: fix\nexpires: 2026-11-28T11:00:00Z\n',
      ['3:7 error grant-role: role "admin" is not a role of docs-repo: push'],
    ],
  ])('%s', (_name, options, text, expected) => {
    expect(problemsOf(text, options)).toEqual(expected);
  });

  it('does not flag an expired grant: it is waiting to be revoked', () => {
    expect(problemsOf(base.replace('2026-11-28T12:00:00Z', '2026-11-01T12:00:00Z'))).toEqual([]);
  });

  it('counts a scheduled grant from its start, not from now', () => {
    const scheduled =
      base.replace('2026-11-28T12:00:00Z', '2026-12-01T12:00:00Z') + 'starts: 2026-12-01T08:00:00Z\n';
    expect(problemsOf(scheduled)).toEqual([]);
  });

  it('accepts a grantee through a team when membership is known', () => {
    const membership = (team: string, login: string) => team === '@acme/sre' && login === 'alice';
    expect(problemsOf(base.replace('grantee: bob', 'grantee: alice'), { membership })).toEqual([]);
  });

  it('compares logins case-insensitively, as GitHub does', () => {
    expect(problemsOf(base.replace('grantee: bob', 'grantee: BoB'))).toEqual([]);
  });

  it('fails closed on a ticket_pattern that does not compile: the grant is refused, and access.yml reported', () => {
    const broken = policyOf(`version: 1
resources:
  prod-db:
    provider: github-team
    team: prod-db-admins
    ticket_pattern: "([a-z"
`);
    const source = grantOf('grants/prod-db/bob.yml', base);
    expect(problemsFor(validateGrant(source, { policy: broken.data, now }))).toEqual([
      "5:9 error grant-ticket-pattern: prod-db's ticket_pattern in access.yml is not a valid regular expression, so no ticket can be checked; fix access.yml",
    ]);
    expect(validatePolicy(broken).map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual([
      'access.yml:6:21 policy-ticket-pattern',
    ]);
  });

  it('uses the default max_duration when the resource sets none', () => {
    const text =
      'grantee: bob\nresource: staging\nreason: deploy the hotfix\nexpires: 2026-11-28T18:00:01Z\n';
    expect(problemsOf(text, { file: 'grants/staging/bob.yml' })).toEqual([
      "4:10 error grant-too-long: grant lasts 8h1s from 2026-11-28T10:00:00Z, over staging's max_duration of 8h; set expires to 2026-11-28T18:00:00Z or earlier",
    ]);
  });
});

describe('validateGrant fails closed on a policy it cannot apply', () => {
  it('refuses an emergency grant when the emergency cap in access.yml is not a duration', () => {
    const broken = policyOf(`version: 1
resources:
  glass:
    provider: github-team
    team: sre
    emergency: { max_duration: 0h }
`);
    const source = grantOf(
      'grants/glass/bob.yml',
      'grantee: bob\nresource: glass\nreason: "INC-1: everything is on fire"\nexpires: 2026-11-28T13:00:00Z\nemergency: true\n',
    );
    expect(
      validateGrant(source, { policy: broken.data, now }).map((p) => `${p.line}:${p.col} ${p.code}`),
    ).toEqual(['5:12 grant-emergency-cap']);
  });
});
