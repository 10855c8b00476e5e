import { describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../../src/core/codeowners/index.js';
import { evaluateApprovals, type QualifiedReviews } from '../../../src/core/request/index.js';
import { parseRfc3339 } from '../../../src/core/time/index.js';
import type { AutoApproveRule, Policy } from '../../../src/core/types.js';
import { grantOf } from '../../helpers/sourceOf.js';

const now = parseRfc3339('2026-11-28T10:00:00Z')!;
const FILE = 'grants/db/alice.yml';
const codeowners = parseCodeowners({ file: '.github/CODEOWNERS', text: '/grants/db/ @carol @dave\n' });
const text = `grantee: alice\nresource: db\nreason: investigating INC-1\nexpires: 2026-11-28T11:00:00Z\n`;

function approve(params: {
  rules?: AutoApproveRule[];
  withCodeowners?: boolean;
  reviews?: Partial<QualifiedReviews>;
  grantText?: string;
}) {
  const policy: Policy = {
    version: 1,
    resources: {
      db: {
        provider: 'github-team',
        team: 'dba',
        emergency: { max_duration: '1h' },
        ...(params.rules ? { auto_approve: params.rules } : {}),
      },
    },
  };
  const [approval] = evaluateApprovals({
    files: [FILE],
    grants: new Map([[FILE, grantOf(FILE, params.grantText ?? text)]]),
    policy,
    codeowners: params.withCodeowners === false ? undefined : codeowners,
    reviews: { approvers: [], changesRequested: [], ignored: [], ...params.reviews },
    membership: () => false,
    now,
  });
  return approval;
}

describe('evaluateApprovals', () => {
  it.each<[string, Parameters<typeof approve>[0], Record<string, unknown>]>([
    [
      'an owner approves',
      { reviews: { approvers: ['carol'] } },
      { approvedBy: ['carol'], approvedVia: 'reviews' },
    ],
    [
      'without CODEOWNERS nobody owns the file, so no approval counts',
      { withCodeowners: false, reviews: { approvers: ['carol'] } },
      { owners: [], approvedBy: [], approvedVia: undefined },
    ],
    [
      'without CODEOWNERS not even an auto_approve rule approves',
      { withCodeowners: false, rules: [{ max_duration: '2h' }] },
      { owners: [], approvedVia: undefined },
    ],
    [
      // the schema requires a key in every rule; core still describes a keyless one honestly
      'a rule with no keys matches any grant, and says so',
      { rules: [{}] },
      { approvedVia: 'auto_approve', autoApproveRule: 'any grant' },
    ],
    [
      'an owner requesting changes blocks an auto_approve rule',
      { rules: [{}], reviews: { changesRequested: ['dave'] } },
      { changesRequestedBy: ['dave'], approvedVia: undefined },
    ],
    [
      'an emergency grant where the resource allows it',
      { grantText: `${text}emergency: true\n` },
      { approvedVia: 'emergency' },
    ],
  ])('%s', (_name, params, expected) => {
    expect(approve(params)).toMatchObject({ file: FILE, min: 1, ...expected });
  });
});
