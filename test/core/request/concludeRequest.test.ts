import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/problem.js';
import { concludeRequest } from '../../../src/core/request/concludeRequest.js';
import type { FileApproval, GrantRow } from '../../../src/core/request/index.js';

const row = (file: string): GrantRow => ({
  file,
  grantee: 'alice',
  resource: 'db',
  role: 'member',
  from: 'on merge',
  until: '2026-11-28T12:00:00Z',
  reason: 'investigating INC-1',
  ticket: undefined,
  emergency: false,
  expired: false,
});
const approval = (file: string, extra: Partial<FileApproval> = {}): FileApproval => ({
  file,
  owners: ['@acme/dba'],
  min: 1,
  approvedBy: [],
  changesRequestedBy: [],
  approvedVia: undefined,
  ...extra,
});
const problem = (severity: Problem['severity']): Problem => ({
  file: 'grants/db/a.yml',
  line: 1,
  col: 1,
  code: 'x',
  message: 'x',
  severity,
});

function conclude(params: {
  files: string[];
  approvals?: Partial<FileApproval>[];
  problems?: Problem[];
  allExpired?: boolean;
}) {
  return concludeRequest({
    kind: 'request',
    headSha: 'h'.repeat(40),
    problems: params.problems ?? [],
    grants: params.files.map(row),
    approvals: params.files.map((file, i) => approval(file, params.approvals?.[i])),
    ignoredReviews: [],
    removedGrants: [],
    allExpired: params.allExpired ?? false,
  });
}

const reviewed: Partial<FileApproval> = { approvedBy: ['dana'], approvedVia: 'reviews' };

describe('concludeRequest', () => {
  it.each<[string, Parameters<typeof conclude>[0], string, string, boolean]>([
    [
      'one approved grant',
      { files: ['a'], approvals: [reviewed] },
      'success',
      'Approved: 1 grant ready to apply on merge',
      true,
    ],
    [
      'two approved grants',
      { files: ['a', 'b'], approvals: [reviewed, { approvedVia: 'auto_approve' }] },
      'success',
      'Approved: 2 grants ready to apply on merge',
      true,
    ],
    [
      'an emergency grant among them',
      { files: ['a', 'b'], approvals: [reviewed, { approvedVia: 'emergency' }] },
      'success',
      'EMERGENCY, Approved: 2 grants ready to apply on merge',
      true,
    ],
    [
      'warnings do not hold an approved request back',
      { files: ['a'], approvals: [reviewed], problems: [problem('warning')] },
      'success',
      'Approved: 1 grant ready to apply on merge',
      true,
    ],
    [
      'one file approved, one waiting',
      { files: ['a', 'b'], approvals: [reviewed, { min: 2, approvedBy: ['dana'] }] },
      'action_required',
      'Waiting for 1 more code-owner approval',
      false,
    ],
    [
      'an owner requesting changes needs one more approval even when min is met',
      { files: ['a'], approvals: [{ approvedBy: ['dana'], changesRequestedBy: ['carol'] }] },
      'action_required',
      'Waiting for 1 more code-owner approval',
      false,
    ],
    [
      'needs are summed over files',
      { files: ['a', 'b'], approvals: [{ min: 2 }, {}] },
      'action_required',
      'Waiting for 3 more code-owner approvals',
      false,
    ],
    [
      'errors fail an approved request',
      {
        files: ['a'],
        approvals: [reviewed],
        problems: [problem('error'), problem('warning'), problem('error')],
      },
      'failure',
      '2 problems to fix before this request can be approved',
      false,
    ],
    [
      'one error',
      { files: ['a'], problems: [problem('error')] },
      'failure',
      '1 problem to fix before this request can be approved',
      false,
    ],
    [
      'every grant expired: closed, whatever else',
      { files: ['a'], approvals: [reviewed], problems: [problem('error')], allExpired: true },
      'failure',
      'Every grant expired before it was approved: this request is closed',
      false,
    ],
  ])('%s', (_name, params, conclusion, title, mergeable) => {
    const result = conclude(params);
    expect(result).toMatchObject({ conclusion, title, mergeable, stale: params.allExpired ?? false });
    expect(result).not.toHaveProperty('allExpired');
  });
});
