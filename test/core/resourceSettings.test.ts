import { describe, expect, it } from 'vitest';
import { repoPermissionFor, resourceSettings, rolesOf } from '../../src/core/resourceSettings.js';
import type { Policy, Resource } from '../../src/core/types.js';

const HOUR = 3_600_000;
const team: Resource = { provider: 'github-team', team: 'dba' };
const policyWith = (defaults: Policy['defaults'], resource: Resource): Policy => ({
  version: 1,
  ...(defaults ? { defaults } : {}),
  resources: { db: resource },
});

describe('resourceSettings', () => {
  it.each<[string, Policy['defaults'], Resource, string, number]>([
    ["grantops' default", undefined, team, '8h', 8 * HOUR],
    ['the policy default', { max_duration: '2h' }, team, '2h', 2 * HOUR],
    [
      "the resource's own value over the default",
      { max_duration: '2h' },
      { ...team, max_duration: '30m' },
      '30m',
      HOUR / 2,
    ],
    // "0h" passes the schema; validatePolicy reports it (policy-duration) and grants keep the default cap
    [
      'a zero duration falls back to the default cap',
      undefined,
      { ...team, max_duration: '0h' },
      '0h',
      8 * HOUR,
    ],
  ])('max_duration: %s', (_name, defaults, resource, text, ms) => {
    const settings = resourceSettings(policyWith(defaults, resource), resource);
    expect([settings.maxDuration, settings.maxDurationMs]).toEqual([text, ms]);
  });

  it('fills every other setting from the resource, then the defaults, then grantops', () => {
    const resource: Resource = { ...team, reason_min_length: 3, approvals: { min: 2 }, mode: 'strict' };
    expect(resourceSettings(policyWith({ timezone: 'Europe/Berlin' }, resource), resource)).toMatchObject({
      timezone: 'Europe/Berlin',
      reasonMinLength: 3,
      roles: ['member'],
      approvalsMin: 2,
      mode: 'strict',
    });
    expect(resourceSettings(policyWith(undefined, team), team)).toMatchObject({
      timezone: 'UTC',
      reasonMinLength: 10,
      approvalsMin: 1,
      mode: 'additive',
    });
  });
});

describe('rolesOf', () => {
  it.each<[string, Resource, readonly string[]]>([
    ['declared roles', { ...team, roles: ['maintainer', 'member'] }, ['maintainer', 'member']],
    ['a team', team, ['member']],
    [
      'a repository, its permission',
      { provider: 'github-repo', repo: 'acme/x', permission: 'triage' },
      ['triage'],
    ],
    ['a repository without permission', { provider: 'github-repo', repo: 'acme/x' }, ['push']],
    ['an environment: roles not used', { provider: 'environment', environment: 'production' }, []],
  ])('%s', (_name, resource, roles) => {
    expect(rolesOf(resource)).toEqual(roles);
  });
});

describe('repoPermissionFor', () => {
  const repo: Resource = { provider: 'github-repo', repo: 'acme/x' };
  it.each<[string, Resource, string | undefined, string]>([
    ['a role that is a permission level', { ...repo, permission: 'pull' }, 'admin', 'admin'],
    ["a named role: the resource's permission", { ...repo, permission: 'triage' }, 'oncall', 'triage'],
    ['a named role without permission: push', repo, 'oncall', 'push'],
    ['no role and no permission: push', repo, undefined, 'push'],
  ])('%s', (_name, resource, role, permission) => {
    expect(repoPermissionFor(resource, role)).toBe(permission);
  });
});
