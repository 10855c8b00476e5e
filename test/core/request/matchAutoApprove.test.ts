import { describe, expect, it } from 'vitest';
import type { Membership } from '../../../src/core/checkEligibility.js';
import { describeRule, matchAutoApprove } from '../../../src/core/request/matchAutoApprove.js';
import type { AutoApproveRule, Resource } from '../../../src/core/types.js';

const HOUR = 3_600_000;
const oncall: Membership = (team, login) => team === '@acme/oncall' && login === 'erin';
const offline: Membership = () => undefined;

describe('describeRule', () => {
  it.each<[AutoApproveRule, string]>([
    [
      { max_duration: '1h', grantees: ['@acme/oncall', 'bob'], roles: ['member'] },
      'up to 1h, for @acme/oncall, bob, role member',
    ],
    [{ grantees: ['@acme/oncall'] }, 'for @acme/oncall'],
    [{ roles: ['member', 'maintainer'] }, 'role member or maintainer'],
    [{ max_duration: '30m' }, 'up to 30m'],
  ])('%j → %s', (rule, text) => {
    expect(describeRule(rule)).toBe(text);
  });
});

describe('matchAutoApprove', () => {
  const resource = (...rules: AutoApproveRule[]): Resource => ({
    provider: 'github-team',
    team: 'dba',
    auto_approve: rules,
  });
  const match = (
    rules: AutoApproveRule[],
    grant: { grantee?: string; role?: string; durationMs?: number; membership?: Membership } = {},
  ) =>
    matchAutoApprove({
      resource: resource(...rules),
      grantee: grant.grantee ?? 'erin',
      role: grant.role,
      durationMs: grant.durationMs ?? HOUR,
      membership: grant.membership ?? oncall,
    });

  it.each<[string, AutoApproveRule[], Parameters<typeof match>[1], number | undefined]>([
    [
      'a rule without max_duration allows any length',
      [{ grantees: ['erin'] }],
      { durationMs: 400 * HOUR },
      0,
    ],
    ['exactly max_duration matches', [{ max_duration: '1h' }], { durationMs: HOUR }, 0],
    [
      'a millisecond over max_duration does not',
      [{ max_duration: '1h' }],
      { durationMs: HOUR + 1 },
      undefined,
    ],
    // "0h" passes the schema's pattern (validatePolicy reports it): it must match nothing, not everything
    [
      'a max_duration that does not parse matches nothing',
      [{ max_duration: '0h' }],
      { durationMs: 1 },
      undefined,
    ],
    ['a grantee through a team', [{ grantees: ['@acme/oncall'] }], {}, 0],
    [
      'a grantee whose team membership is unknown does not match',
      [{ grantees: ['@acme/oncall'] }],
      { membership: offline },
      undefined,
    ],
    [
      'a grantee outside the list',
      [{ grantees: ['@acme/oncall', 'bob'] }],
      { grantee: 'mallory' },
      undefined,
    ],
    ['a listed role', [{ roles: ['member'] }], { role: 'member' }, 0],
    ['another role', [{ roles: ['member'] }], { role: 'maintainer' }, undefined],
    ['no role where the rule names roles', [{ roles: ['member'] }], {}, undefined],
    [
      'every key must match',
      [{ max_duration: '2h', grantees: ['erin'], roles: ['member'] }],
      { role: 'maintainer' },
      undefined,
    ],
    [
      'the first rule that matches wins',
      [{ grantees: ['bob'] }, { max_duration: '2h' }, { max_duration: '4h' }],
      {},
      1,
    ],
  ])('%s', (_name, rules, grant, index) => {
    const found = match(rules, grant);
    expect(found).toBe(index === undefined ? undefined : rules[index]);
  });

  it('matches nothing on a resource without auto_approve', () => {
    const plain: Resource = { provider: 'github-team', team: 'dba' };
    expect(
      matchAutoApprove({
        resource: plain,
        grantee: 'erin',
        role: undefined,
        durationMs: 1,
        membership: oncall,
      }),
    ).toBeUndefined();
  });
});
