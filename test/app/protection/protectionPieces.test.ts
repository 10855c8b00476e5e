import { describe, expect, it } from 'vitest';
import { parseGrantsRepoSetting } from '../../../src/app/protection/parseGrantsRepoSetting.js';
import {
  COMMENT_LIMIT,
  renderProtectionComment,
} from '../../../src/app/protection/renderProtectionComment.js';
import { resolveGrantsRepo } from '../../../src/app/protection/resolveGrantsRepo.js';
import { verdictOf } from '../../../src/app/protection/verdictOf.js';
import type { Decision, RuleOutcome } from '../../../src/core/guardrails/index.js';
import { at } from './protectionHarness.js';

const row = (code: RuleOutcome['code'], extra: Partial<RuleOutcome> = {}): RuleOutcome => ({
  rule: code === 'freeze_active' ? 'freeze' : 'grant',
  mode: 'enforce',
  outcome: 'fail',
  code,
  message: `${code} happened`,
  file: 'access.yml',
  line: 9,
  col: 5,
  ...extra,
});

const decision = (rules: RuleOutcome[]): Decision => ({
  schema_version: 1,
  decision: rules.some((r) => r.outcome === 'fail') ? 'blocked' : 'allowed',
  allowed: !rules.some((r) => r.outcome === 'fail'),
  reason_code: rules.find((r) => r.outcome === 'fail')?.code ?? 'allowed',
  environment: 'production',
  actor: 'alice',
  at: '2026-11-25T10:00:00Z',
  emergency: false,
  rules,
  alerts: [],
});

describe('verdictOf', () => {
  it.each([
    ['approve when nothing fails', [row('grant_active', { outcome: 'pass' })], { kind: 'approve' }],
    ['approve when failures only warn', [row('freeze_active', { outcome: 'warn' })], { kind: 'approve' }],
    [
      'hold until the latest end when only freezes fail',
      [row('freeze_active', { until: '2026-11-25T12:00:00Z' })],
      { kind: 'hold', until: at('2026-11-25T12:00:00Z') },
    ],
    [
      'reject a freeze with something else',
      [row('freeze_active', { until: '2026-11-25T12:00:00Z' }), row('no_active_grant')],
      { kind: 'reject' },
    ],
    ['reject a freeze without an end', [row('freeze_active')], { kind: 'reject' }],
  ])('%s', (_name, rules, expected) => {
    expect(verdictOf(decision(rules))).toEqual(expected);
  });
});

describe('renderProtectionComment', () => {
  it('fits any number of long failures into GitHub limit, counting what it left out', () => {
    const rules = Array.from({ length: 30 }, (_, i) =>
      row('no_active_grant', { message: `grant ${i} `.repeat(80) }),
    );
    const text = renderProtectionComment(decision(rules), { kind: 'reject' });
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text).toMatch(/- … and \d+ more\nReproduce: /);
  });

  it('ends a hold report with its marker, whatever it had to leave out', () => {
    const rules = Array.from({ length: 30 }, () =>
      row('freeze_active', { message: 'x'.repeat(500), until: '2026-11-25T12:00:00Z' }),
    );
    const text = renderProtectionComment(decision(rules), {
      kind: 'hold',
      until: at('2026-11-25T12:00:00Z'),
    });
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text.endsWith('<!-- grantops:hold env=production until=2026-11-25T12:00:00Z -->')).toBe(true);
  });

  it('says loudly when an approval rides on a break-glass grant, and lists what it bypassed', () => {
    const text = renderProtectionComment(
      {
        ...decision([
          row('freeze_active', { outcome: 'bypassed', message: 'frozen (bypassed by an emergency grant)' }),
        ]),
        emergency: true,
      },
      { kind: 'approve' },
    );
    expect(text).toContain('**on an emergency (break-glass) grant**');
    expect(text).toContain(
      '- `freeze_active` bypassed [freeze]: frozen (bypassed by an emergency grant) (access.yml:9)',
    );
  });
});

describe('GRANTOPS_GRANTS_REPO', () => {
  it.each([
    [undefined, { owner: 'acme', repo: 'access-grants' }],
    ['', { owner: 'acme', repo: 'access-grants' }],
    ['grants', { owner: 'acme', repo: 'grants' }],
    ['sec-team/access.grants', { owner: 'sec-team', repo: 'access.grants' }],
  ])('%s resolves for an installation on acme', (value, expected) => {
    expect(resolveGrantsRepo(parseGrantsRepoSetting(value), 'acme')).toEqual(expected);
  });

  it.each(['a/b/c', '-bad/grants', 'acme/', '..'])('refuses %s with the fix', (value) => {
    expect(() => parseGrantsRepoSetting(value)).toThrow(
      /GRANTOPS_GRANTS_REPO is ".*", which is not a repository: set it to owner\/name/,
    );
  });
});
