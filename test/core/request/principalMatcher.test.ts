import { describe, expect, it } from 'vitest';
import { isOwner } from '../../../src/core/request/principalMatcher.js';

const membership = (team: string, login: string) =>
  team.toLowerCase() === '@acme/dba' ? login.toLowerCase() === 'dana' : undefined;

describe('isOwner', () => {
  it.each<[string, string, string[], boolean]>([
    ['a named user', 'carol', ['@carol'], true],
    ['a named user, compared case-insensitively', 'CaRoL', ['@carol'], true],
    ['another user', 'mallory', ['@carol'], false],
    ['a member of an owning team', 'dana', ['@acme/dba'], true],
    ['a non-member of an owning team', 'carol', ['@acme/dba'], false],
    ['a team whose members cannot be read counts no one', 'dana', ['@acme/unreadable'], false],
    ['an email owner matches no login, not even its local part', 'ops', ['ops@acme.example'], false],
    ['an email owner does not hide a later user owner', 'carol', ['ops@acme.example', '@carol'], true],
    ['no owners: nobody', 'carol', [], false],
  ])('%s', (_name, login, owners, expected) => {
    expect(isOwner(login, owners, membership)).toBe(expected);
  });
});
