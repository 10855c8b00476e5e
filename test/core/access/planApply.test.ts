import { describe, expect, it } from 'vitest';
import { planApply, type AccessLevel, type ApplyChange } from '../../../src/core/access/index.js';

describe('planApply', () => {
  it.each<[string, AccessLevel, AccessLevel, ApplyChange]>([
    ['new member', 'none', 'member', { action: 'set', from: 'none', to: 'member', reason: 'grant' }],
    [
      'upgrade member to maintainer',
      'member',
      'maintainer',
      { action: 'set', from: 'member', to: 'maintainer', reason: 'grant' },
    ],
    [
      'already maintainer: never downgrade',
      'maintainer',
      'member',
      { action: 'none', level: 'maintainer', reason: 'already-has-access' },
    ],
    [
      'already the same level',
      'member',
      'member',
      { action: 'none', level: 'member', reason: 'already-has-access' },
    ],
    [
      'pending invitation is not access yet',
      'pending',
      'member',
      { action: 'set', from: 'pending', to: 'member', reason: 'grant' },
    ],
    ['repo pull to push', 'pull', 'push', { action: 'set', from: 'pull', to: 'push', reason: 'grant' }],
    [
      'repo admin keeps admin',
      'admin',
      'push',
      { action: 'none', level: 'admin', reason: 'already-has-access' },
    ],
    [
      'repo invited to push',
      'invited',
      'push',
      { action: 'set', from: 'invited', to: 'push', reason: 'grant' },
    ],
    [
      'webhook granted already',
      'granted',
      'granted',
      { action: 'none', level: 'granted', reason: 'already-has-access' },
    ],
    [
      'webhook pending',
      'pending',
      'granted',
      { action: 'set', from: 'pending', to: 'granted', reason: 'grant' },
    ],
  ])('%s', (_name, before, desired, expected) => {
    expect(planApply({ before, desired })).toEqual(expected);
  });
});
