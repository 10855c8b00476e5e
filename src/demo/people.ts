/**
 * The example organisation's people and teams, matching examples/grants-repo (its CODEOWNERS and
 * access.yml). The demo, the sandbox and the end-to-end tests all use them.
 */
export const PEOPLE = {
  alice: 'SRE on call; asks for production database access',
  bob: 'engineer; eligible for prod-db by name',
  carol: 'finance; standing member of billing-readers',
  dana: 'DBA lead: approves prod-db grants',
  dave: 'DBA lead: approves prod-db grants',
  erin: 'payments engineer',
  frank: 'engineer who deploys to production',
  grace: 'cloud engineer',
  rita: 'release manager: approves deploy grants',
  sam: 'security team: owns everything else',
  paul: 'platform lead: owns access.yml with security',
  mallory: 'an engineer who would like access without approval',
} as const;

export type Person = keyof typeof PEOPLE;

/** Teams: slug → members (maintainers are the first). */
export const TEAMS: Record<string, Person[]> = {
  security: ['sam'],
  'platform-leads': ['paul'],
  'dba-leads': ['dana', 'dave'],
  'finance-leads': ['carol'],
  'payments-leads': ['erin'],
  'release-managers': ['rita'],
  'engineering-managers': ['paul'],
  'cloud-leads': ['grace'],
  sre: ['alice', 'dave'],
  oncall: ['alice'],
  platform: ['paul', 'grace'],
  engineering: ['alice', 'bob', 'erin', 'frank', 'grace', 'mallory'],
  // teams that grants give membership of
  'prod-db-admins': [],
  'k8s-admins': [],
  'billing-readers': ['carol'],
};

/** A fixed token per person, so scripts can act as them on the sandbox. */
export const tokenOf = (login: string) => `ghp_sandbox_${login}`;
