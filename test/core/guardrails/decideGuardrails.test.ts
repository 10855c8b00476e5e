import { describe, expect, it } from 'vitest';
import { decideGuardrails, REASON_CODES } from '../../../src/core/guardrails/index.js';
import type { Guardrail, Problem, Settings } from '../../../src/core/index.js';
import { aliceGrant, at, guardInput, policyFile } from './fixtures.js';

const problem = (severity: Problem['severity'], line = 4): Problem => ({
  file: 'grants/deploy-production/bob.yml',
  line,
  col: 9,
  code: 'grant_expires_invalid',
  message: 'expires is not an RFC 3339 time',
  severity,
});

/** A Saturday in a Berlin weekend freeze, with alice holding the grant the guardrail asks for. */
const frozenInput = (guardrail: Guardrail, grantExtra: Parameters<typeof aliceGrant>[0] = {}) =>
  guardInput({
    policy: policyFile({
      production: {
        require_grant: ['deploy-production'],
        freeze: [{ name: 'weekend', from: 'Fri 16:00', to: 'Mon 08:00', timezone: 'Europe/Berlin' }],
        ...guardrail,
      },
    }),
    grants: [aliceGrant({ expires: '2026-11-28T18:00:00Z', ...grantExtra })],
    now: at('2026-11-28T12:00:00Z'),
  });

describe('decideGuardrails', () => {
  it('allows with a complete, versioned decision', () => {
    const policy = policyFile(
      { production: { require_grant: ['deploy-production'] } },
      { lines: { 'guardrails.production': 9 } },
    );
    expect(decideGuardrails(guardInput({ policy, grants: [aliceGrant()] }))).toEqual({
      schema_version: 1,
      decision: 'allowed',
      allowed: true,
      reason_code: 'allowed',
      environment: 'production',
      actor: 'alice',
      at: '2026-11-25T12:00:00Z',
      emergency: false,
      rules: [
        {
          rule: 'policy',
          mode: 'enforce',
          outcome: 'pass',
          code: 'environment_listed',
          message: 'guardrails.production of access.yml applies to production',
          file: 'access.yml',
          line: 9,
          col: 3,
        },
        expect.objectContaining({ rule: 'grant', outcome: 'pass', code: 'grant_active' }),
      ],
      alerts: [],
    });
  });

  it('blocks on any data error, fail closed, at the first error', () => {
    const policy = policyFile({ production: {} });
    const decision = decideGuardrails(
      guardInput({ policy, dataProblems: [problem('warning', 1), problem('error', 4), problem('error', 5)] }),
    );
    expect(decision).toMatchObject({
      decision: 'blocked',
      allowed: false,
      reason_code: 'policy_invalid',
      alerts: ['blocked'],
    });
    expect(decision.rules).toEqual([
      {
        rule: 'policy',
        mode: 'enforce',
        outcome: 'fail',
        code: 'policy_invalid',
        message:
          'the policy or grants have errors, so guardrails fail closed: grants/deploy-production/bob.yml:4:9: expires is not an RFC 3339 time [grant_expires_invalid] (and 1 more); fix them (`grantops validate` lists them all)',
        file: 'grants/deploy-production/bob.yml',
        line: 4,
        col: 9,
      },
    ]);
  });

  it('names a single data error without a count', () => {
    const decision = decideGuardrails(
      guardInput({ policy: policyFile({}), dataProblems: [problem('error')] }),
    );
    expect(decision.rules[0]?.message).toMatch(/\[grant_expires_invalid\]; fix them/);
  });

  it('ignores data warnings', () => {
    const policy = policyFile({ production: {} });
    expect(decideGuardrails(guardInput({ policy, dataProblems: [problem('warning')] })).allowed).toBe(true);
  });

  const environmentCases: {
    name: string;
    guardrails: Record<string, Guardrail> | undefined;
    settings: Settings | undefined;
    code: string;
    allowed: boolean;
  }[] = [
    {
      name: 'no guardrails at all',
      guardrails: undefined,
      settings: undefined,
      code: 'environment_unlisted',
      allowed: false,
    },
    {
      name: 'another environment only',
      guardrails: { staging: {} },
      settings: undefined,
      code: 'environment_unlisted',
      allowed: false,
    },
    {
      name: 'unlisted but allowed by settings',
      guardrails: { staging: {} },
      settings: { unlisted_environments: 'allow' },
      code: 'environment_unlisted_allowed',
      allowed: true,
    },
    {
      name: 'unlisted and explicitly blocked',
      guardrails: {},
      settings: { unlisted_environments: 'block' },
      code: 'environment_unlisted',
      allowed: false,
    },
    {
      name: 'listed in another case',
      guardrails: { PRODUCTION: {} },
      settings: undefined,
      code: 'environment_listed',
      allowed: true,
    },
    {
      name: 'exact key wins over another case',
      guardrails: { production: {}, Production: { require_grant: ['deploy-production'] } },
      settings: undefined,
      code: 'environment_listed',
      allowed: true,
    },
    {
      name: 'two keys in other cases',
      guardrails: { Production: {}, PRODUCTION: {} },
      settings: undefined,
      code: 'policy_invalid',
      allowed: false,
    },
  ];
  it.each(environmentCases)('environment: $name', ({ guardrails, settings, code, allowed }) => {
    const policy = policyFile(guardrails, { extra: settings ? { settings } : {} });
    const decision = decideGuardrails(guardInput({ policy }));
    expect(decision.rules.map((r) => r.code)).toEqual([code]);
    expect(decision.allowed).toBe(allowed);
  });

  it('explains an unlisted environment and how to fix it', () => {
    const decision = decideGuardrails(guardInput({ policy: policyFile({}), environment: '__proto__' }));
    expect(decision.reason_code).toBe('environment_unlisted');
    expect(decision.rules[0]?.message).toBe(
      '__proto__ has no guardrails entry in access.yml, and unlisted environments are blocked: add guardrails.__proto__ (even `{}`), or set settings.unlisted_environments: allow',
    );
  });

  it('names both keys of an ambiguous environment', () => {
    const policy = policyFile({ Production: {}, PRODUCTION: {} });
    expect(decideGuardrails(guardInput({ policy })).rules[0]?.message).toContain('Production and PRODUCTION');
  });

  it('reason_code is the first failing enforced rule; warn rules report without blocking', () => {
    const decision = decideGuardrails(
      frozenInput({
        deny_commands: ['terraform destroy*'],
        modes: { commands: 'warn' },
        max_deploys: { count: 1, per: '1h' },
      }),
    );
    const { rules } = decision;
    expect(rules.map((r) => [r.rule, r.mode, r.outcome, r.code])).toEqual([
      ['policy', 'enforce', 'pass', 'environment_listed'],
      ['grant', 'enforce', 'pass', 'grant_active'],
      ['commands', 'warn', 'skip', 'no_commands'],
      ['freeze', 'enforce', 'fail', 'freeze_active'],
      ['max_deploys', 'enforce', 'fail', 'deploy_history_unavailable'],
    ]);
    expect(decision.reason_code).toBe('freeze_active');
    const warned = decideGuardrails({
      ...frozenInput({ deny_commands: ['terraform destroy*'], modes: { commands: 'warn', freeze: 'warn' } }),
      commands: ['terraform destroy'],
    });
    expect(warned.rules.map((r) => [r.rule, r.outcome, r.code])).toEqual([
      ['policy', 'pass', 'environment_listed'],
      ['grant', 'pass', 'grant_active'],
      ['commands', 'warn', 'command_denied'],
      ['freeze', 'warn', 'freeze_active'],
    ]);
    expect(warned).toMatchObject({ allowed: true, reason_code: 'allowed' });
  });

  it('a warn-mode grant rule reports a missing grant without blocking', () => {
    const input = frozenInput({ modes: { grant: 'warn' }, freeze: [] });
    const decision = decideGuardrails({ ...input, grants: [] });
    expect(decision.rules.find((r) => r.rule === 'grant')).toMatchObject({
      mode: 'warn',
      outcome: 'warn',
      code: 'no_active_grant',
    });
    expect(decision.allowed).toBe(true);
  });

  describe('emergency grants', () => {
    const alert = { webhook_env: 'HOOK', on: ['blocked' as const, 'allowed' as const, 'emergency' as const] };

    it('bypass the rules listed in emergency_bypass, flag the decision and alert', () => {
      const decision = decideGuardrails(
        frozenInput({ emergency_bypass: ['freeze'], alert }, { emergency: true }),
      );
      expect(decision).toMatchObject({
        allowed: true,
        reason_code: 'allowed',
        emergency: true,
        alerts: ['allowed', 'emergency'],
      });
      const freeze = decision.rules.find((r) => r.rule === 'freeze');
      expect(freeze).toMatchObject({
        outcome: 'bypassed',
        code: 'freeze_active',
        until: '2026-11-30T07:00:00Z',
      });
      expect(freeze?.message).toMatch(/\(bypassed by an emergency grant\)$/);
      expect(decision.rules.find((r) => r.rule === 'grant')?.message).toContain('holds the emergency grant');
    });

    it('bypass a warn-mode rule too (bypassed says more than warn)', () => {
      const decision = decideGuardrails(
        frozenInput({ emergency_bypass: ['freeze'], modes: { freeze: 'warn' } }, { emergency: true }),
      );
      expect(decision.rules.find((r) => r.rule === 'freeze')?.outcome).toBe('bypassed');
    });

    it('do not bypass rules missing from emergency_bypass', () => {
      const decision = decideGuardrails(
        frozenInput({ emergency_bypass: ['commands'], alert }, { emergency: true }),
      );
      expect(decision).toMatchObject({
        allowed: false,
        reason_code: 'freeze_active',
        emergency: true,
        alerts: ['blocked', 'emergency'],
      });
    });

    it('never bypass the grant rule', () => {
      const input = frozenInput(
        { emergency_bypass: ['grant', 'freeze'] },
        { emergency: true, grantee: 'bob' },
      );
      const decision = decideGuardrails(input);
      expect(decision).toMatchObject({ allowed: false, reason_code: 'no_active_grant', emergency: false });
      expect(decision.rules.find((r) => r.rule === 'freeze')?.outcome).toBe('fail');
    });

    it('need the triggering actor to hold one too', () => {
      const input = frozenInput({ emergency_bypass: ['freeze'] }, { emergency: true });
      const decision = decideGuardrails({
        ...input,
        triggeringActor: 'bob',
        grants: [...input.grants, aliceGrant({ grantee: 'bob', expires: '2026-11-28T18:00:00Z' })],
      });
      expect(decision).toMatchObject({ allowed: false, reason_code: 'freeze_active', emergency: false });
    });

    it('count only on resources that allow break-glass', () => {
      const input = frozenInput(
        { require_grant: ['prod-db'], emergency_bypass: ['freeze'] },
        { emergency: true, resource: 'prod-db' },
      );
      expect(decideGuardrails(input)).toMatchObject({ allowed: false, emergency: false });
    });

    it('win over an ordinary grant held at the same time', () => {
      const input = frozenInput({ emergency_bypass: ['freeze'] });
      const grants = [
        aliceGrant({ expires: '2026-11-28T20:00:00Z' }),
        aliceGrant({ emergency: true, expires: '2026-11-28T13:00:00Z' }),
      ];
      const decision = decideGuardrails({ ...input, grants });
      expect(decision).toMatchObject({ allowed: true, emergency: true });
      expect(decision.rules.find((r) => r.rule === 'grant')?.until).toBe('2026-11-28T13:00:00Z');
    });
  });

  it('alerts on blocked by default, and on nothing when allowed', () => {
    expect(decideGuardrails(frozenInput({})).alerts).toEqual(['blocked']);
    expect(decideGuardrails(frozenInput({ freeze: [] })).alerts).toEqual([]);
    expect(decideGuardrails(frozenInput({ alert: { webhook_env: 'HOOK', on: ['allowed'] } })).alerts).toEqual(
      [],
    );
  });

  it('has every emitted code in the closed list', () => {
    expect(Object.keys(REASON_CODES)).toContain('allowed');
    for (const [code, rule] of Object.entries(REASON_CODES)) {
      expect(
        ['decision', 'policy', 'grant', 'commands', 'freeze', 'max_deploys', 'terraform'],
        code,
      ).toContain(rule);
    }
  });
});

describe('a re-run by a bot', () => {
  it('is checked like anyone: a bot without a grant blocks, whatever the creator holds', () => {
    const policy = policyFile({ production: { require_grant: ['deploy-production'] } });
    const d = decideGuardrails(
      guardInput({ policy, grants: [aliceGrant()], triggeringActor: 'chatops[bot]' }),
    );
    expect(d.decision).toBe('blocked');
    expect(d.rules.filter((r) => r.rule === 'grant').map((r) => r.code)).toEqual([
      'grant_active',
      'no_active_grant',
    ]);
  });
});
