/** The grants repository of the protection-rule tests (times on Wednesday 2026-11-25, UTC). */
export const POLICY = `version: 1
defaults: { max_duration: 8h, timezone: UTC }
resources:
  deploy-production:
    provider: environment
    environment: production
  deploy-staging:
    provider: environment
    environment: staging
guardrails:
  production:
    require_grant: [deploy-production]
    freeze:
      - { name: weekend, from: "Fri 16:00", to: "Mon 08:00", timezone: Europe/Berlin }
      - { name: release, from: 2026-11-25T09:00:00, to: 2026-11-25T12:00:00, timezone: UTC }
    max_deploys: { count: 2, per: 1h }
  staging:
    require_grant: [deploy-staging]
`;

const CODEOWNERS = '* @acme/security\n/grants/ @acme/release\n';

/** A grant file. */
export function grant(grantee: string, resource: string, starts: string, expires: string): string {
  return `grantee: ${grantee}\nresource: ${resource}\nreason: "CHG-7: ship the release"\nstarts: ${starts}\nexpires: ${expires}\n`;
}

/** alice may deploy to production 08:30 to 16:00 UTC; bob only to staging. */
export function grantsFiles(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'access.yml': POLICY,
    '.github/CODEOWNERS': CODEOWNERS,
    'grants/deploy-production/alice.yml': grant(
      'alice',
      'deploy-production',
      '2026-11-25T08:30:00Z',
      '2026-11-25T16:00:00Z',
    ),
    'grants/deploy-staging/bob.yml': grant(
      'bob',
      'deploy-staging',
      '2026-11-25T08:30:00Z',
      '2026-11-25T16:00:00Z',
    ),
    ...overrides,
  };
}
