import { describe, expect, it } from 'vitest';
import { planSweep, revertBranch, type SweepFacts } from '../../../src/core/lifecycle/index.js';
import { parseRfc3339 } from '../../../src/core/time/index.js';
import type { Grant } from '../../../src/core/types.js';

const now = parseRfc3339('2026-11-30T12:00:00Z')!;
const MIN = 60_000;
const g = (file: string, expires: string, extra: Partial<Grant> = {}, valid = true) => ({
  file: `grants/db/${file}.yml`,
  grant: { grantee: file, resource: 'db', reason: 'because of reasons', expires, ...extra },
  valid,
});
const branch = (file: string) => revertBranch(`grants/db/${file}.yml`);

function plan(overrides: Partial<SweepFacts>) {
  return planSweep({
    grants: [],
    policyValid: true,
    branches: new Set(),
    scheduled: new Set(),
    failed: new Set(),
    now,
    warnBeforeMs: 30 * MIN,
    ...overrides,
  });
}

describe('planSweep', () => {
  it('revokes expired recorded grants, and reports expired ones grantops never recorded', () => {
    const result = plan({
      grants: [
        g('old', '2026-11-30T11:00:00Z'),
        g('edge', '2026-11-30T12:00:00Z'),
        g('stray', '2026-11-30T10:00:00Z'),
      ],
      branches: new Set([branch('old'), branch('edge')]),
    });
    expect(result.revoke).toEqual([
      { branch: branch('old'), file: 'grants/db/old.yml' },
      { branch: branch('edge'), file: 'grants/db/edge.yml' },
    ]);
    expect(result.orphans).toEqual(['grants/db/stray.yml']);
  });

  it('revokes a recorded grant whose file is gone from the default branch', () => {
    expect(plan({ branches: new Set(['grantops/revoke/db/gone']) }).revoke).toEqual([
      { branch: 'grantops/revoke/db/gone', file: undefined },
    ]);
  });

  it('applies started grants that were never recorded (a missed merge), and retries scheduled or failed ones', () => {
    const result = plan({
      grants: [
        g('missed', '2026-11-30T14:00:00Z'),
        g('sched', '2026-11-30T14:00:00Z', { starts: '2026-11-30T11:00:00Z' }),
        g('fail', '2026-11-30T14:00:00Z'),
        g('quiet', '2026-11-30T14:00:00Z'),
      ],
      branches: new Set([branch('sched'), branch('fail'), branch('quiet')]),
      scheduled: new Set([branch('sched')]),
      failed: new Set([branch('fail')]),
    });
    expect(result.applyMissed.map((i) => i.file)).toEqual(['grants/db/missed.yml']);
    expect(result.apply.map((i) => i.file)).toEqual(['grants/db/sched.yml', 'grants/db/fail.yml']);
    expect(result.revoke).toEqual([]);
    expect(result.nextDueAt).toBe(parseRfc3339('2026-11-30T13:30:00Z'));
  });

  it('leaves a grant that has not started alone, and wakes up when it starts', () => {
    const result = plan({
      grants: [g('later', '2026-11-30T16:00:00Z', { starts: '2026-11-30T12:10:00Z' })],
      branches: new Set([branch('later')]),
      scheduled: new Set([branch('later')]),
    });
    expect(result).toMatchObject({ apply: [], applyMissed: [], warn: [], revoke: [] });
    expect(result.nextDueAt).toBe(now + 10 * MIN);
  });

  it('warns recorded grants inside the warning window', () => {
    const result = plan({
      grants: [g('soon', '2026-11-30T12:20:00Z'), g('late', '2026-11-30T15:00:00Z')],
      branches: new Set([branch('soon'), branch('late')]),
    });
    expect(result.warn.map((i) => i.file)).toEqual(['grants/db/soon.yml']);
    expect(result.nextDueAt).toBe(now + 20 * MIN);
  });

  it('takes back access a grant holds once the policy no longer allows it; never applies an invalid grant', () => {
    const result = plan({
      grants: [g('bad', '2026-11-30T14:00:00Z', {}, false), g('badnew', '2026-11-30T14:00:00Z', {}, false)],
      branches: new Set([branch('bad')]),
    });
    expect(result.revoke.map((i) => i.file)).toEqual(['grants/db/bad.yml']);
    expect(result.applyMissed).toEqual([]);
  });

  it('with a broken policy: revokes only what expired or lost its file, applies and warns nothing', () => {
    const result = plan({
      policyValid: false,
      grants: [
        g('expired', '2026-11-30T11:00:00Z', {}, false),
        g('active', '2026-11-30T12:10:00Z', {}, false),
        g('new', '2026-11-30T14:00:00Z', {}, false),
      ],
      branches: new Set([branch('expired'), branch('active'), 'grantops/revoke/db/gone']),
    });
    expect(result.revoke.map((i) => i.file)).toEqual(['grants/db/expired.yml', undefined]);
    expect(result).toMatchObject({ apply: [], applyMissed: [], warn: [], orphans: [] });
    expect(result.nextDueAt).toBe(now + 10 * MIN);
  });

  it('does not list an expired invalid grant grantops never recorded as an orphan: validation reports it', () => {
    const result = plan({ grants: [g('junk', '2026-11-30T11:00:00Z', {}, false)] });
    expect(result).toMatchObject({ revoke: [], orphans: [], apply: [], applyMissed: [], warn: [] });
    expect(result.nextDueAt).toBeUndefined();
  });

  it('skips a grant whose times cannot be read', () => {
    expect(plan({ grants: [g('broken', 'tomorrow')], branches: new Set([branch('broken')]) })).toMatchObject({
      revoke: [],
      apply: [],
      applyMissed: [],
    });
  });
});

describe('revertBranch', () => {
  it.each([
    ['grants/prod-db/alice.yml', 'grantops/revoke/prod-db/alice'],
    ['grants/prod-db/alice.yaml', 'grantops/revoke/prod-db/alice-'],
    ['grants/prod-db/al ice.yml', 'grantops/revoke/prod-db/al-ice-'],
    ['grants/prod-db/.hidden.yml', 'grantops/revoke/prod-db/-hidden-'],
    ['grants/prod-db/a..b.yml', 'grantops/revoke/prod-db/a-b-'],
  ])('%s → %s…', (file, prefix) => {
    expect(revertBranch(file).startsWith(prefix)).toBe(true);
    expect(revertBranch(file)).toMatch(/^grantops\/revoke\/[A-Za-z0-9._/-]+$/);
  });

  it('never gives two files the same branch', () => {
    expect(revertBranch('grants/db/a b.yml')).not.toBe(revertBranch('grants/db/a-b.yml'));
  });
});
