import { describe, expect, it } from 'vitest';
import { planRevoke, type RevokeChange, type RevokeInput } from '../../../src/core/access/index.js';

const team = (input: Partial<RevokeInput>): RevokeInput => ({
  provider: 'github-team',
  before: 'none',
  current: 'member',
  granted: 'member',
  mode: 'additive',
  standing: 'none',
  otherActiveGrants: [],
  ...input,
});
const repo = (input: Partial<RevokeInput>): RevokeInput =>
  team({ provider: 'github-repo', current: 'push', granted: 'push', ...input });

describe('planRevoke, additive mode', () => {
  it.each<[string, RevokeInput, RevokeChange]>([
    ['removes what it granted', team({}), { action: 'remove', from: 'member', reason: 'restore-previous' }],
    [
      'standing access preserved: had it before',
      team({ before: 'member' }),
      { action: 'none', level: 'member', reason: 'nothing-to-remove' },
    ],
    [
      'upgrade then restore',
      team({ before: 'member', current: 'maintainer', granted: 'maintainer' }),
      { action: 'set', from: 'maintainer', to: 'member', reason: 'restore-previous' },
    ],
    [
      'repo upgrade then restore',
      repo({ before: 'pull', current: 'admin', granted: 'admin' }),
      { action: 'set', from: 'admin', to: 'pull', reason: 'restore-previous' },
    ],
    [
      'someone lowered it below the grant: still restore',
      repo({ before: 'pull', current: 'triage', granted: 'admin' }),
      { action: 'set', from: 'triage', to: 'pull', reason: 'restore-previous' },
    ],
    [
      'someone raised it above the grant: leave it',
      repo({ before: 'none', current: 'admin', granted: 'push' }),
      { action: 'none', level: 'admin', reason: 'changed-by-others' },
    ],
    [
      'already removed by someone',
      team({ current: 'none' }),
      { action: 'none', level: 'none', reason: 'nothing-to-remove' },
    ],
    [
      'our invitation never accepted: cancel it',
      team({ current: 'pending' }),
      { action: 'remove', from: 'pending', reason: 'restore-previous' },
    ],
    [
      'repo invitation never accepted: cancel it',
      repo({ current: 'invited' }),
      { action: 'remove', from: 'invited', reason: 'restore-previous' },
    ],
    [
      'invitation pending before and still pending: leave it',
      team({ before: 'pending', current: 'pending' }),
      { action: 'none', level: 'pending', reason: 'nothing-to-remove' },
    ],
    [
      'invitation pending before, accepted: the weakest access stays',
      team({ before: 'pending', current: 'maintainer', granted: 'maintainer' }),
      { action: 'set', from: 'maintainer', to: 'member', reason: 'restore-previous' },
    ],
    [
      'repo invitation pending before, accepted: pull stays',
      repo({ before: 'invited', current: 'push' }),
      { action: 'set', from: 'push', to: 'pull', reason: 'restore-previous' },
    ],
    [
      'overlapping grant still needs member',
      team({ current: 'maintainer', granted: 'maintainer', otherActiveGrants: ['member'] }),
      { action: 'set', from: 'maintainer', to: 'member', reason: 'still-needed' },
    ],
    [
      'overlapping grant needs the same level: keep',
      team({ otherActiveGrants: ['member'] }),
      { action: 'none', level: 'member', reason: 'nothing-to-remove' },
    ],
    [
      'overlapping grant raised it: keep',
      team({ current: 'maintainer', otherActiveGrants: ['maintainer'] }),
      { action: 'none', level: 'maintainer', reason: 'nothing-to-remove' },
    ],
    [
      'standing member upgraded: back to standing level',
      team({ before: 'member', standing: 'member', current: 'maintainer', granted: 'maintainer' }),
      { action: 'set', from: 'maintainer', to: 'member', reason: 'restore-previous' },
    ],
    [
      'standing declared but removed before the grant: standing level stays',
      team({ standing: 'member', current: 'maintainer', granted: 'maintainer' }),
      { action: 'set', from: 'maintainer', to: 'member', reason: 'still-needed' },
    ],
    [
      'environment: nothing in GitHub to take',
      team({ provider: 'environment', current: 'none', granted: 'granted' }),
      { action: 'none', level: 'none', reason: 'nothing-to-remove' },
    ],
    [
      'webhook grant removed',
      team({ provider: 'webhook', current: 'granted', granted: 'granted' }),
      { action: 'remove', from: 'granted', reason: 'restore-previous' },
    ],
  ])('%s', (_name, input, expected) => expect(planRevoke(input)).toEqual(expected));

  it('never removes access the grantee had before, whatever the grant', () => {
    for (const before of ['member', 'maintainer'] as const)
      for (const granted of ['member', 'maintainer'] as const) {
        const change = planRevoke(team({ before, granted, current: granted }));
        expect(change.action === 'remove').toBe(false);
      }
  });
});

describe('planRevoke, strict mode', () => {
  const strict = (input: Partial<RevokeInput>): RevokeInput => team({ mode: 'strict', ...input });
  it.each<[string, RevokeInput, RevokeChange]>([
    ['removes the grantee', strict({}), { action: 'remove', from: 'member', reason: 'strict-target' }],
    [
      'removes access held before the grant when nothing explains it',
      strict({ before: 'maintainer', current: 'maintainer' }),
      { action: 'remove', from: 'maintainer', reason: 'strict-target' },
    ],
    [
      'removes access raised by others',
      strict({ current: 'maintainer' }),
      { action: 'remove', from: 'maintainer', reason: 'strict-target' },
    ],
    [
      'keeps the standing level',
      strict({ standing: 'member', current: 'maintainer', granted: 'maintainer' }),
      { action: 'set', from: 'maintainer', to: 'member', reason: 'strict-target' },
    ],
    [
      'keeps what another active grant needs',
      repo({ mode: 'strict', current: 'admin', granted: 'admin', otherActiveGrants: ['pull', 'push'] }),
      { action: 'set', from: 'admin', to: 'push', reason: 'strict-target' },
    ],
    [
      'nothing above the target',
      strict({ standing: 'maintainer' }),
      { action: 'none', level: 'member', reason: 'nothing-to-remove' },
    ],
    [
      'cancels a pending invitation',
      strict({ current: 'pending' }),
      { action: 'remove', from: 'pending', reason: 'strict-target' },
    ],
  ])('%s', (_name, input, expected) => expect(planRevoke(input)).toEqual(expected));
});
