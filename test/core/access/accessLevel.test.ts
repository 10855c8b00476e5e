import { describe, expect, it } from 'vitest';
import {
  ACCESS_LADDERS,
  accessLevelFor,
  highestLevel,
  isWaiting,
  lowestAccess,
  rankOf,
  standingLevelOf,
  standingMembersOf,
  type AccessLevel,
} from '../../../src/core/access/index.js';
import type { ProviderName, Resource } from '../../../src/core/types.js';

describe('access ladders', () => {
  it.each(Object.entries(ACCESS_LADDERS))('%s ranks strictly increase', (_provider, ladder) => {
    const ranks = ladder.map((level) => rankOf(level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(ranks[0]).toBe(0);
  });

  it.each<[AccessLevel, boolean]>([
    ['pending', true],
    ['invited', true],
    ['none', false],
    ['member', false],
    ['granted', false],
  ])('isWaiting(%s) = %s', (level, waiting) => expect(isWaiting(level)).toBe(waiting));

  it.each<[AccessLevel[], AccessLevel]>([
    [[], 'none'],
    [['member', 'maintainer', 'pending'], 'maintainer'],
    [['push', 'pull', 'admin', 'triage'], 'admin'],
    [['none', 'invited'], 'invited'],
  ])('highestLevel(%j) = %s', (levels, best) => expect(highestLevel(levels)).toBe(best));

  it.each<[ProviderName, AccessLevel]>([
    ['github-team', 'member'],
    ['github-repo', 'pull'],
    ['environment', 'granted'],
    ['webhook', 'granted'],
  ])('lowestAccess(%s) = %s', (provider, level) => expect(lowestAccess(provider)).toBe(level));
});

describe('accessLevelFor', () => {
  const team: Resource = { provider: 'github-team', team: 'ops' };
  const repo: Resource = { provider: 'github-repo', repo: 'acme/app', permission: 'maintain' };
  it.each<[string, Resource, string | undefined, AccessLevel]>([
    ['team default role', team, undefined, 'member'],
    ['team maintainer', team, 'maintainer', 'maintainer'],
    ['team with maintainer first', { ...team, roles: ['maintainer', 'member'] }, undefined, 'maintainer'],
    ['team unknown role', team, 'owner', 'member'],
    ['repo default permission', repo, undefined, 'maintain'],
    ['repo role that is a permission', { ...repo, roles: ['pull', 'admin'] }, 'admin', 'admin'],
    ['repo named role falls back to permission', { ...repo, roles: ['oncall'] }, 'oncall', 'maintain'],
    ['repo without permission', { provider: 'github-repo', repo: 'acme/app' }, undefined, 'push'],
    [
      'repo named role without permission',
      { provider: 'github-repo', repo: 'acme/app', roles: ['oncall'] },
      'oncall',
      'push',
    ],
    ['repo with an invalid permission', { ...repo, permission: 'write' as never }, undefined, 'push'],
    ['environment', { provider: 'environment', environment: 'production' }, undefined, 'granted'],
    ['webhook role', { provider: 'webhook', url: 'https://x', roles: ['read'] }, 'read', 'granted'],
  ])('%s', (_name, resource, role, level) => expect(accessLevelFor(resource, role)).toBe(level));
});

describe('standing access', () => {
  const resource: Resource = { provider: 'github-team', team: 'ops', standing: ['Bob'] };
  it.each<[Resource, string, AccessLevel]>([
    [resource, 'bob', 'member'],
    [resource, 'BOB', 'member'],
    [resource, 'alice', 'none'],
    [{ provider: 'github-team', team: 'ops' }, 'bob', 'none'],
  ])('standingLevelOf(%j, %s) = %s', (res, login, level) => expect(standingLevelOf(res, login)).toBe(level));

  it('lists standing members with the default access', () => {
    expect(standingMembersOf(resource)).toEqual([{ grantee: 'Bob', level: 'member' }]);
    expect(standingMembersOf({ provider: 'webhook' })).toEqual([]);
  });
});
