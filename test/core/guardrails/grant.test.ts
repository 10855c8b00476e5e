import { describe, expect, it } from 'vitest';
import { decideGuardrails, grantsToVerify, type RuleOutcome } from '../../../src/core/guardrails/index.js';
import type { Grant, SourceFile } from '../../../src/core/index.js';
import { aliceGrant, grantFile, guardInput, policyFile, sourceFile } from './fixtures.js';

const policy = policyFile(
  { production: { require_grant: ['deploy-production'] } },
  { lines: { 'guardrails.production.require_grant': 12 } },
);

const grantRows = (rules: RuleOutcome[]): RuleOutcome[] => rules.filter((r) => r.rule === 'grant');

describe('grant rule', () => {
  const cases: {
    name: string;
    grants: SourceFile<Grant>[];
    now?: string;
    actor?: string;
    triggeringActor?: string;
    environment?: string;
    codes: string[];
    reason: string;
  }[] = [
    { name: 'active grant', grants: [aliceGrant()], codes: ['grant_active'], reason: 'allowed' },
    {
      name: 'login compares case-insensitively',
      grants: [aliceGrant({ grantee: 'Alice' })],
      actor: 'ALICE',
      codes: ['grant_active'],
      reason: 'allowed',
    },
    { name: 'no grant at all', grants: [], codes: ['no_active_grant'], reason: 'no_active_grant' },
    {
      name: "another person's grant",
      grants: [grantFile({ grantee: 'bob', expires: '2026-11-25T18:00:00Z' })],
      codes: ['no_active_grant'],
      reason: 'no_active_grant',
    },
    {
      name: 'one millisecond before expires',
      grants: [aliceGrant({ expires: '2026-11-25T12:00:00.001Z' })],
      codes: ['grant_active'],
      reason: 'allowed',
    },
    {
      name: 'exactly at expires',
      grants: [aliceGrant({ expires: '2026-11-25T12:00:00Z' })],
      codes: ['grant_expired'],
      reason: 'grant_expired',
    },
    {
      name: 'expires given with an offset',
      grants: [aliceGrant({ expires: '2026-11-25T13:00:00+01:00' })],
      codes: ['grant_expired'],
      reason: 'grant_expired',
    },
    {
      name: 'exactly at starts',
      grants: [aliceGrant({ starts: '2026-11-25T12:00:00Z' })],
      codes: ['grant_active'],
      reason: 'allowed',
    },
    {
      name: 'one millisecond before starts',
      grants: [aliceGrant({ starts: '2026-11-25T12:00:00.001Z' })],
      codes: ['grant_not_started'],
      reason: 'grant_not_started',
    },
    {
      name: 'scheduled beats expired',
      grants: [
        aliceGrant({ expires: '2026-11-25T11:00:00Z' }),
        aliceGrant({ starts: '2026-11-25T14:00:00Z', expires: '2026-11-25T16:00:00Z' }),
      ],
      codes: ['grant_not_started'],
      reason: 'grant_not_started',
    },
    {
      name: 'active beats expired and scheduled',
      grants: [
        aliceGrant({ expires: '2026-11-25T11:00:00Z' }),
        aliceGrant({ starts: '2026-11-25T14:00:00Z', expires: '2026-11-25T16:00:00Z' }),
        aliceGrant(),
      ],
      codes: ['grant_active'],
      reason: 'allowed',
    },
    {
      name: 'the latest of several',
      grants: [
        aliceGrant({ expires: '2026-11-25T11:00:00Z' }),
        aliceGrant({ expires: '2026-11-25T11:30:00Z' }),
      ],
      codes: ['grant_expired'],
      reason: 'grant_expired',
    },
    {
      name: 'unreadable expires never counts',
      grants: [aliceGrant({ expires: 'tomorrow' })],
      codes: ['no_active_grant'],
      reason: 'no_active_grant',
    },
    {
      name: 'unreadable starts never counts',
      grants: [aliceGrant({ starts: 'soon' })],
      codes: ['no_active_grant'],
      reason: 'no_active_grant',
    },
    {
      name: 'segmentation: a staging grant never covers production',
      grants: [aliceGrant({ resource: 'deploy-staging' })],
      codes: ['no_active_grant'],
      reason: 'no_active_grant',
    },
    {
      name: 'a grant for a resource not in require_grant',
      grants: [aliceGrant({ resource: 'prod-db' })],
      codes: ['no_active_grant'],
      reason: 'no_active_grant',
    },
    {
      name: 'triggering actor with a grant too',
      grants: [aliceGrant(), aliceGrant({ grantee: 'bob' })],
      triggeringActor: 'bob',
      codes: ['grant_active', 'grant_active'],
      reason: 'allowed',
    },
    {
      name: 'triggering actor without a grant blocks the re-run',
      grants: [aliceGrant()],
      triggeringActor: 'bob',
      codes: ['grant_active', 'no_active_grant'],
      reason: 'no_active_grant',
    },
    {
      name: 'actor without a grant, triggering actor with one',
      grants: [aliceGrant({ grantee: 'bob' })],
      triggeringActor: 'bob',
      codes: ['no_active_grant', 'grant_active'],
      reason: 'no_active_grant',
    },
    {
      name: 'triggering actor equal to the actor (other case) is checked once',
      grants: [aliceGrant()],
      triggeringActor: 'ALICE',
      codes: ['grant_active'],
      reason: 'allowed',
    },
    {
      name: 'blank triggering actor is not a re-run',
      grants: [aliceGrant()],
      triggeringActor: ' ',
      codes: ['grant_active'],
      reason: 'allowed',
    },
    {
      name: 'a blank actor is still checked',
      grants: [aliceGrant()],
      actor: '',
      codes: ['no_active_grant'],
      reason: 'no_active_grant',
    },
    {
      name: 'environment names compare case-insensitively',
      grants: [aliceGrant()],
      environment: 'Production',
      codes: ['grant_active'],
      reason: 'allowed',
    },
  ];

  it.each(cases)('$name', (c) => {
    const decision = decideGuardrails(
      guardInput({
        policy,
        grants: c.grants,
        ...(c.actor !== undefined ? { actor: c.actor } : {}),
        ...(c.triggeringActor !== undefined ? { triggeringActor: c.triggeringActor } : {}),
        ...(c.environment !== undefined ? { environment: c.environment } : {}),
      }),
    );
    expect(grantRows(decision.rules).map((r) => r.code)).toEqual(c.codes);
    expect(decision.reason_code).toBe(c.reason);
  });

  it('points an active grant at its file and says until when', () => {
    const [row] = grantRows(decideGuardrails(guardInput({ policy, grants: [aliceGrant()] })).rules);
    expect(row).toEqual({
      rule: 'grant',
      mode: 'enforce',
      outcome: 'pass',
      code: 'grant_active',
      message:
        'alice holds grant grants/deploy-production/alice.yml for production until 2026-11-25T18:00:00Z',
      file: 'grants/deploy-production/alice.yml',
      line: 2,
      col: 3,
      times: { utc: '2026-11-25T12:00:00Z' },
      until: '2026-11-25T18:00:00Z',
    });
  });

  it('explains a missing grant with the request command, at require_grant', () => {
    const [row] = grantRows(decideGuardrails(guardInput({ policy })).rules);
    expect(row).toMatchObject({ outcome: 'fail', file: 'access.yml', line: 12 });
    expect(row?.message).toBe(
      'no active grant for alice to deploy to production: request one with `grantops request deploy-production --for 1h --reason "..."`',
    );
  });

  it('lists every resource that would do', () => {
    const both = policyFile({ production: { require_grant: ['deploy-production', 'prod-db'] } });
    const [row] = grantRows(decideGuardrails(guardInput({ policy: both })).rules);
    expect(row?.message).toContain('(any of deploy-production, prod-db)');
  });

  it('names the expired grant file and points at expires', () => {
    const grants = [aliceGrant({ expires: '2026-11-25T11:59:59Z' })];
    const [row] = grantRows(decideGuardrails(guardInput({ policy, grants })).rules);
    expect(row).toMatchObject({ file: 'grants/deploy-production/alice.yml', line: 7 });
    expect(row?.message).toMatch(
      /^alice's grant grants\/deploy-production\/alice\.yml expired at 2026-11-25T11:59:59Z: extend/,
    );
  });

  it.each([
    {
      name: 'the active grant that lasts longest',
      grants: [
        aliceGrant({ expires: '2026-11-25T13:00:00Z' }),
        aliceGrant(),
        aliceGrant({ expires: '2026-11-25T14:00:00Z' }),
      ],
      until: '2026-11-25T18:00:00Z',
    },
    {
      name: 'the scheduled grant that starts first',
      grants: [
        aliceGrant({ starts: '2026-11-25T16:00:00Z' }),
        aliceGrant({ starts: '2026-11-25T15:00:00Z' }),
        aliceGrant({ starts: '2026-11-25T17:00:00Z' }),
      ],
      until: '2026-11-25T15:00:00Z',
    },
  ])('names $name', ({ grants, until }) => {
    expect(grantRows(decideGuardrails(guardInput({ policy, grants })).rules)[0]?.until).toBe(until);
  });

  it('names the grant that expired last', () => {
    const grants = [
      aliceGrant({ expires: '2026-11-25T10:00:00Z' }),
      aliceGrant({ expires: '2026-11-25T11:00:00Z' }),
      aliceGrant({ expires: '2026-11-25T09:00:00Z' }),
    ];
    expect(grantRows(decideGuardrails(guardInput({ policy, grants })).rules)[0]?.message).toContain(
      'expired at 2026-11-25T11:00:00Z',
    );
  });

  it('names the scheduled grant and when it starts', () => {
    const grants = [aliceGrant({ starts: '2026-11-25T15:00:00Z' })];
    const [row] = grantRows(decideGuardrails(guardInput({ policy, grants })).rules);
    expect(row).toMatchObject({ line: 8, until: '2026-11-25T15:00:00Z' });
    expect(row?.message).toContain('starts at 2026-11-25T15:00:00Z');
  });

  it('a grant on a non-environment resource covers any environment it is listed for', () => {
    const team = policyFile({ production: { require_grant: ['prod-db'] } });
    const decision = decideGuardrails(
      guardInput({ policy: team, grants: [aliceGrant({ resource: 'prod-db' })] }),
    );
    expect(decision.allowed).toBe(true);
  });

  it.each([
    { name: 'an unknown resource', require: ['nope'] },
    { name: 'an environment resource of another environment', require: ['deploy-staging'] },
    { name: 'an inherited property name', require: ['constructor'] },
  ])('fails closed when require_grant names only $name', ({ require }) => {
    const bad = policyFile({ production: { require_grant: require } });
    const decision = decideGuardrails(guardInput({ policy: bad, grants: [aliceGrant()] }));
    expect(decision.reason_code).toBe('policy_invalid');
    expect(grantRows(decision.rules)[0]?.message).toContain(
      'fix guardrails.production.require_grant in access.yml',
    );
  });

  it('adds no grant row when require_grant is empty', () => {
    const none = policyFile({ production: { require_grant: [] } });
    expect(grantRows(decideGuardrails(guardInput({ policy: none })).rules)).toEqual([]);
  });
});

describe('grant rule with verified grant files (the protection rule)', () => {
  const policy = policyFile({ production: { require_grant: ['deploy-production'] } });
  const grantRow = (input: Partial<Parameters<typeof guardInput>[0]>) =>
    decideGuardrails(guardInput({ policy, ...input })).rules.filter((r) => r.rule === 'grant');

  it('counts a grant whose file is verified, and trusts every grant when none are given', () => {
    const file = aliceGrant().file;
    expect(grantRow({ grants: [aliceGrant()], verifiedGrantFiles: [file] })[0]?.code).toBe('grant_active');
    expect(grantRow({ grants: [aliceGrant()] })[0]?.code).toBe('grant_active');
  });

  it('rejects a grant in force that grantops never applied, naming the file and how to get access', () => {
    const [row] = grantRow({ grants: [aliceGrant()], verifiedGrantFiles: [] });
    expect(row).toMatchObject({
      outcome: 'fail',
      code: 'grant_not_applied',
      file: 'grants/deploy-production/alice.yml',
      line: 2,
    });
    expect(row?.message).toContain(
      "alice's grant grants/deploy-production/alice.yml reached the default branch without grantops applying it",
    );
    expect(row?.message).toContain('`grantops request deploy-production --for 1h');
  });

  it('uses a verified grant when another in force is not', () => {
    const other = sourceFile('grants/deploy-production/alice-2.yml', aliceGrant().data);
    const [row] = grantRow({ grants: [other, aliceGrant()], verifiedGrantFiles: [aliceGrant().file] });
    expect(row).toMatchObject({ code: 'grant_active', file: 'grants/deploy-production/alice.yml' });
  });

  it('reports a scheduled or expired grant as before, whatever was verified', () => {
    const later = aliceGrant({ starts: '2026-11-25T13:00:00Z' });
    expect(grantRow({ grants: [later], verifiedGrantFiles: [] })[0]?.code).toBe('grant_not_started');
  });
});

describe('grantsToVerify', () => {
  const policy = policyFile({
    production: { require_grant: ['deploy-production', 'prod-db', 'deploy-staging'] },
    open: {},
  });
  const bob = grantFile({ grantee: 'bob', expires: '2026-11-25T18:00:00Z' });
  const grants = [
    aliceGrant(),
    bob,
    grantFile({ grantee: 'alice', resource: 'deploy-staging', expires: '2026-11-25T18:00:00Z' }),
    grantFile({ grantee: 'alice', resource: 'prod-db', expires: '2026-11-25T11:00:00Z' }),
    grantFile({ grantee: 'carol', expires: '2026-11-25T18:00:00Z' }),
  ];

  it.each([
    ['the actor grants in force for covering resources', {}, ['grants/deploy-production/alice.yml']],
    [
      'and the re-runner grants',
      { triggeringActor: 'Bob' },
      ['grants/deploy-production/alice.yml', 'grants/deploy-production/bob.yml'],
    ],
    [
      'none when the re-runner is the actor',
      { triggeringActor: 'ALICE' },
      ['grants/deploy-production/alice.yml'],
    ],
    ['none for an environment without require_grant', { environment: 'open' }, []],
    ['none for an unlisted environment', { environment: 'qa' }, []],
    [
      'none when the data has errors',
      {
        dataProblems: [
          { file: 'access.yml', line: 1, col: 1, code: 'x', message: 'x', severity: 'error' as const },
        ],
      },
      [],
    ],
  ])('%s', (_name, over, files) => {
    expect(grantsToVerify(guardInput({ policy, grants, ...over }))).toEqual(files);
  });
});
