import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/core/validatePolicy.js';
import { policyOf } from '../helpers/sourceOf.js';

const head = 'version: 1\nresources:\n';
const team = '  db:\n    provider: github-team\n    team: dba\n';

function problemsOf(text: string): string[] {
  return validatePolicy(policyOf(text)).map((p) => `${p.line}:${p.col} ${p.code}: ${p.message}`);
}

describe('validatePolicy', () => {
  it('accepts the example policy of the docs', () => {
    expect(problemsOf(`${head}${team}`)).toEqual([]);
  });

  it.each([
    [
      'zero duration',
      `version: 1\ndefaults: { max_duration: 0h }\nresources:\n${team}`,
      ['2:27 policy-duration: "0h" is not a duration longer than zero'],
    ],
    [
      'unknown time zone',
      `version: 1\ndefaults: { timezone: Berlin }\nresources:\n${team}`,
      ['2:23 policy-timezone: "Berlin" is not an IANA time zone, such as Europe/Berlin or UTC'],
    ],
    [
      'unknown zone in a freeze',
      `${head}${team}guardrails:\n  production:\n    freeze:\n      - { name: x, from: "Fri 16:00", to: "Mon 08:00", timezone: Mars/Olympus }\n`,
      ['9:66 policy-timezone: "Mars/Olympus" is not an IANA time zone'],
    ],
    [
      'freeze window mixing weekly and dated edges',
      `${head}${team}guardrails:\n  production:\n    freeze:\n      - { name: x, from: "Fri 16:00", to: 2026-12-01T00:00:00 }\n`,
      [
        '9:9 policy-freeze: freeze window "x": `from` and `to` must both be weekly times (`Fri 16:00`) or both dates (`2026-12-22T00:00:00`)',
      ],
    ],
    [
      'freeze window ending before it starts',
      `${head}${team}guardrails:\n  production:\n    freeze:\n      - { name: y, from: 2026-12-02T00:00:00, to: 2026-12-01T00:00:00 }\n`,
      ['9:9 policy-freeze: freeze window "y": `to` must be after `from`'],
    ],
    [
      'weekly window of zero length',
      `${head}${team}guardrails:\n  production:\n    freeze:\n      - { name: z, from: "Fri 16:00", to: "Fri 16:00" }\n`,
      [
        '9:9 policy-freeze: freeze window "z": `from` and `to` are the same time, which makes the window empty or endless',
      ],
    ],
    [
      'provider setting missing',
      `${head}  db:\n    provider: github-team\n`,
      ['3:3 policy-provider-setting: provider github-team needs `team` in resource db'],
    ],
    [
      "another provider's setting",
      `${head}${team}    repo: acme/x\n`,
      [
        '6:5 policy-provider-setting: `repo` is not a setting of provider github-team; remove it or change the provider',
      ],
    ],
    [
      'webhook without secret',
      `${head}  hook:\n    provider: webhook\n    url: https://x.example/h\n`,
      ['3:3 policy-provider-setting: provider webhook needs `secret_env` in resource hook'],
    ],
    [
      'plain http webhook',
      `${head}  hook:\n    provider: webhook\n    url: http://x.example/h\n    secret_env: S\n`,
      ['5:10 policy-insecure-url: webhook url must use https (plain http is only accepted on loopback)'],
    ],
    [
      'team role unknown to GitHub',
      `${head}${team}    roles: [member, owner]\n`,
      ['6:21 policy-role: role "owner" means nothing to provider github-team; use member, maintainer'],
    ],
    [
      'repo role that is not a permission',
      `${head}  r:\n    provider: github-repo\n    repo: acme/x\n    roles: [write]\n`,
      [
        '6:13 policy-role: role "write" means nothing to provider github-repo; use pull, triage, push, maintain, admin',
      ],
    ],
    [
      'ticket pattern that does not compile',
      `${head}${team}    ticket_pattern: "([a-z"\n`,
      [
        '6:21 policy-ticket-pattern: ticket_pattern is not a valid regular expression: Invalid regular expression: /([a-z/u: Unterminated character class',
      ],
    ],
    [
      'emergency cap above max',
      `${head}${team}    max_duration: 1h\n    emergency: { max_duration: 2h }\n`,
      [
        "7:32 policy-emergency-too-long: an emergency grant may not last longer than the resource's max_duration",
      ],
    ],
    [
      'auto_approve role the resource lacks',
      `${head}${team}    roles: [member]\n    auto_approve: [{ roles: [maintainer] }]\n`,
      ['7:30 policy-unknown-role: role "maintainer" is not one of db\'s roles: member'],
    ],
    [
      'guardrail naming an unknown resource',
      `${head}${team}guardrails:\n  production:\n    require_grant: [dbb]\n`,
      ['8:21 policy-unknown-resource: resource "dbb" is not defined under resources; did you mean "db"?'],
    ],
    [
      'guardrail naming an unknown resource with no close match',
      `${head}${team}guardrails:\n  production:\n    require_grant: [payments]\n`,
      ['8:21 policy-unknown-resource: resource "payments" is not defined under resources'],
    ],
    [
      "guardrail using another environment's deploy right",
      `${head}  deploy-staging:\n    provider: environment\n    environment: staging\nguardrails:\n  production:\n    require_grant: [deploy-staging]\n`,
      [
        '8:21 policy-segmentation: deploy-staging grants deploys to environment "staging", so it cannot allow deploys to "production"; keep environments apart',
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});
