/** How action.yml declares one input. */
export interface InputSpec {
  description: string;
  required: boolean;
  default?: string;
}

/**
 * Every input of the Action: the one source of truth. `test/action/registry.test.ts` keeps
 * `action/action.yml` equal to it (names, required, defaults and descriptions).
 */
export const INPUTS = {
  environment: {
    description:
      'The deploy environment to check, as named under `guardrails` in access.yml (names compare case-insensitively).',
    required: true,
  },
  'grants-path': {
    description:
      'Path of a checkout of the grants repository (its default branch, where approved grants live), relative to the workspace. Read from disk: no API call for the grants. Give this or grants-repo.',
    required: false,
  },
  'grants-repo': {
    description:
      'owner/name of the grants repository, read through the API with `token` in one call (a tarball). Give this or grants-path.',
    required: false,
  },
  'grants-ref': {
    description:
      'Branch, tag or commit of grants-repo to read. Empty: its default branch, the only one that should hold approved grants.',
    required: false,
  },
  token: {
    description:
      'Token that reads grants-repo (contents: read), e.g. a GitHub App installation token. Empty: github-token is used.',
    required: false,
  },
  'github-token': {
    description:
      "Token that reads this repository's deployments for the max_deploys rule (permission deployments: read). Used only when the environment sets max_deploys.",
    required: false,
    default: '${{ github.token }}',
  },
  commands: {
    description:
      'Commands the job is about to run, one per line (a line ending in a backslash continues), checked against deny_commands and allow_commands.',
    required: false,
  },
  'terraform-plan': {
    description:
      'Path of `terraform show -json` output of the plan the job will apply, checked against the terraform limits.',
    required: false,
  },
  mode: {
    description:
      'enforce: fail the step when the deploy is blocked. warn: report the same decision, annotations and alerts, and never fail.',
    required: false,
    default: 'enforce',
  },
} as const satisfies Record<string, InputSpec>;

/** The name of an input of the Action. */
export type InputName = keyof typeof INPUTS;

/** Every output of the Action. */
export const OUTPUTS = {
  decision: { description: '`allowed` or `blocked`.' },
  reason_code: {
    description:
      '`allowed`, or the stable code of the first failing enforced rule (e.g. `no_active_grant`, `freeze_active`); see REASON_CODES.',
  },
  result: {
    description:
      'The whole decision as JSON with a `schema_version`: every rule with its outcome, message, location and times.',
  },
} as const satisfies Record<string, { description: string }>;

/** The name of an output of the Action. */
export type OutputName = keyof typeof OUTPUTS;
