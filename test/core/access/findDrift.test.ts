import { describe, expect, it } from 'vitest';
import { findDrift, type DriftFinding, type Member } from '../../../src/core/access/index.js';

const members: Member[] = [
  { grantee: 'carol', level: 'maintainer' },
  { grantee: 'Alice', level: 'member' },
  { grantee: 'bob', level: 'maintainer' },
  { grantee: 'dave', level: 'pending' },
  { grantee: 'erin', level: 'member' },
];
const activeGrants: Member[] = [
  { grantee: 'alice', level: 'member' },
  { grantee: 'bob', level: 'member' },
];
const standing: Member[] = [{ grantee: 'ERIN', level: 'member' }];

describe('findDrift', () => {
  it('additive mode reports unexplained access and never removes it', () => {
    expect(findDrift({ members, activeGrants, standing, mode: 'additive' })).toEqual<DriftFinding[]>([
      {
        grantee: 'bob',
        level: 'maintainer',
        explained: 'member',
        change: { action: 'none', level: 'maintainer', reason: 'report-only' },
      },
      {
        grantee: 'carol',
        level: 'maintainer',
        explained: 'none',
        change: { action: 'none', level: 'maintainer', reason: 'report-only' },
      },
      {
        grantee: 'dave',
        level: 'pending',
        explained: 'none',
        change: { action: 'none', level: 'pending', reason: 'report-only' },
      },
    ]);
  });

  it('strict mode removes an unexplained member and lowers excess to what is explained', () => {
    expect(findDrift({ members, activeGrants, standing, mode: 'strict' }).map((f) => f.change)).toEqual([
      { action: 'set', from: 'maintainer', to: 'member', reason: 'strict-target' },
      { action: 'remove', from: 'maintainer', reason: 'strict-target' },
      { action: 'remove', from: 'pending', reason: 'strict-target' },
    ]);
  });

  it.each<[string, Member[], Member[], Member[]]>([
    ['no members', [], activeGrants, standing],
    ['everyone explained by grants', [{ grantee: 'alice', level: 'member' }], activeGrants, []],
    ['standing explains', [{ grantee: 'erin', level: 'member' }], [], standing],
    [
      'grant above the access held',
      [{ grantee: 'alice', level: 'member' }],
      [{ grantee: 'alice', level: 'maintainer' }],
      [],
    ],
  ])('no drift: %s', (_name, current, grants, declared) => {
    expect(findDrift({ members: current, activeGrants: grants, standing: declared, mode: 'strict' })).toEqual(
      [],
    );
  });
});
