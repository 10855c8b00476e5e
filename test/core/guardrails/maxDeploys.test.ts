import { describe, expect, it } from 'vitest';
import { decideGuardrails, type RuleOutcome } from '../../../src/core/guardrails/index.js';
import type { Guardrail } from '../../../src/core/index.js';
import { at, guardInput, policyFile } from './fixtures.js';

const NOW = at('2026-11-25T12:00:00Z');
const minutesAgo = (...minutes: number[]): { createdAt: number }[] =>
  minutes.map((m) => ({ createdAt: NOW - m * 60_000 }));

const rows = (maxDeploys: Guardrail['max_deploys'], deployments?: { createdAt: number }[]): RuleOutcome[] => {
  const policy = policyFile(
    { production: maxDeploys ? { max_deploys: maxDeploys } : {} },
    { lines: { 'guardrails.production.max_deploys': 40 } },
  );
  const input = guardInput({ policy, now: NOW, ...(deployments ? { deployments } : {}) });
  return decideGuardrails(input).rules.filter((r) => r.rule === 'max_deploys');
};

describe('max_deploys rule', () => {
  it.each([
    { name: 'no deployments', limit: { count: 2, per: '1h' }, deps: [], code: 'deploys_within_limit' },
    {
      name: 'below the limit',
      limit: { count: 2, per: '1h' },
      deps: minutesAgo(10),
      code: 'deploys_within_limit',
    },
    {
      name: 'at the limit',
      limit: { count: 2, per: '1h' },
      deps: minutesAgo(10, 50),
      code: 'deploy_limit_reached',
    },
    {
      name: 'exactly `per` ago no longer counts',
      limit: { count: 2, per: '1h' },
      deps: minutesAgo(10, 60),
      code: 'deploys_within_limit',
    },
    {
      name: 'just inside the window counts',
      limit: { count: 2, per: '1h' },
      deps: [...minutesAgo(10), { createdAt: NOW - 3_599_999 }],
      code: 'deploy_limit_reached',
    },
    {
      name: 'one created exactly now counts',
      limit: { count: 1, per: '1h' },
      deps: minutesAgo(0),
      code: 'deploy_limit_reached',
    },
    {
      name: 'one stamped 2s after now counts (GitHub clock ahead of the deciding one)',
      limit: { count: 1, per: '1h' },
      deps: [{ createdAt: NOW + 2_000 }],
      code: 'deploy_limit_reached',
    },
    {
      name: 'count 0 blocks every deploy',
      limit: { count: 0, per: '1h' },
      deps: [],
      code: 'deploy_limit_reached',
    },
    {
      name: 'history unavailable fails closed',
      limit: { count: 5, per: '1h' },
      deps: undefined,
      code: 'deploy_history_unavailable',
    },
    {
      name: 'a corrupt timestamp fails closed',
      limit: { count: 5, per: '1h' },
      deps: [{ createdAt: Number.NaN }],
      code: 'deploy_history_unavailable',
    },
    { name: 'a bad duration', limit: { count: 5, per: 'hourly' }, deps: [], code: 'policy_invalid' },
    { name: 'a negative count', limit: { count: -1, per: '1h' }, deps: [], code: 'policy_invalid' },
    { name: 'a fractional count', limit: { count: 1.5, per: '1h' }, deps: [], code: 'policy_invalid' },
  ])('$name', ({ limit, deps, code }) => {
    expect(rows(limit, deps).map((r) => r.code)).toEqual([code]);
  });

  it('says when the next slot frees: when enough of the oldest have aged out', () => {
    const [row] = rows({ count: 2, per: '1h' }, minutesAgo(5, 50, 20, 30));
    // Four in the window, limit two: three must age out, the third-oldest (20 minutes ago) frees at +40m.
    expect(row).toMatchObject({
      outcome: 'fail',
      until: '2026-11-25T12:40:00Z',
      file: 'access.yml',
      line: 40,
    });
    expect(row?.message).toBe(
      '4 deploys to production in the last 1h (limit 2): the next slot frees at 2026-11-25T12:40:00Z; deploy then, or raise guardrails.production.max_deploys.count in access.yml',
    );
  });

  it('frees a slot per after a deployment stamped in the future', () => {
    const [row] = rows({ count: 1, per: '1h' }, [{ createdAt: NOW + 2_000 }]);
    expect(row).toMatchObject({ outcome: 'fail', until: '2026-11-25T13:00:02Z' });
  });

  it('explains a zero count and the unavailable history', () => {
    expect(rows({ count: 0, per: '1h' }, [])[0]?.message).toContain('max_deploys.count is 0');
    expect(rows({ count: 5, per: '1h' })[0]?.message).toContain('could not be read');
  });

  it('needs no history when max_deploys is not set', () => {
    expect(rows(undefined)).toEqual([]);
  });
});
