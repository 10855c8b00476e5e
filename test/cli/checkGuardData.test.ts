import { describe, expect, it } from 'vitest';
import { decisionRows } from '../../src/cli/decisionRows.js';
import { guardDataOf } from '../../src/cli/guardDataOf.js';
import type { Decision } from '../../src/core/guardrails/index.js';

describe('guardDataOf', () => {
  it('fails closed with a policy problem when there is no repository at all', () => {
    const data = guardDataOf({ repo: undefined, now: 0 });
    expect(data.dataProblems).toMatchObject([
      { file: 'access.yml', code: 'repo-no-policy', severity: 'error' },
    ]);
    expect(data.grants).toEqual([]);
    expect(data.policy.locate(['guardrails'])).toEqual({ line: 1, col: 1 });
  });

  it('keeps the problems met while reading, ahead of the loader problems', () => {
    const read = {
      file: 'grants',
      line: 1,
      col: 1,
      code: 'grants-path-unreadable',
      message: 'x',
      severity: 'error' as const,
    };
    expect(guardDataOf({ repo: undefined, now: 0, readProblems: [read] }).dataProblems).toEqual([read]);
  });
});

describe('decisionRows', () => {
  it('points at file:line:col by default, and says - for what a rule does not use', () => {
    const decision = {
      rules: [
        {
          rule: 'policy',
          mode: 'enforce',
          outcome: 'pass',
          code: 'environment_listed',
          message: 'm',
          file: 'access.yml',
          line: 3,
          col: 5,
        },
        { rule: 'commands', mode: 'enforce', outcome: 'skip', code: 'no_commands', message: 'n' },
      ],
    } as unknown as Decision;
    expect(decisionRows(decision).map((r) => [r.where, r.utc, r.local, r.until])).toEqual([
      ['access.yml:3:5', '-', '-', '-'],
      ['-', '-', '-', '-'],
    ]);
  });
});
