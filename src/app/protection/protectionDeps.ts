import type { Context } from 'probot';
import { createSchemaValidator, type SchemaValidator } from '../../config/schemaValidator.js';
import type { ProtectionClient } from '../../github/protection/callProtectionCallback.js';
import { createOctokitProtectionPort } from '../../github/protection/createOctokitProtectionPort.js';
import type { ProtectionPort } from '../../github/protection/protectionPort.js';
import type { RecordSeal } from '../../core/lifecycle/index.js';
import { DEFAULT_GRANTS_REPO, type GrantsRepoSetting } from './parseGrantsRepoSetting.js';

/** What the protection-rule handler depends on; tests replace the clock and the port. */
export interface ProtectionDeps {
  /** The decision time (epoch ms). */
  now: () => number;
  /** Which repository holds access.yml and the grants (`GRANTOPS_GRANTS_REPO`, parsed at start-up). */
  grantsRepo: GrantsRepoSetting;
  validator: SchemaValidator;
  /** Checks the seal of grant records (AppDeps.seal): a grant counts only when grantops applied it. */
  seal: RecordSeal;
  /** The port for the installation that sent the event. */
  portFor: (context: Context<'deployment_protection_rule.requested'>) => ProtectionPort;
}

/**
 * The production dependencies: the wall clock, the installation's Octokit behind the port, the
 * grants repository setting (default: `access-grants` of the installation's account) and the App's
 * record seal (no default: without the App's key no grant can be verified).
 */
export function defaultProtectionDeps(options: {
  now?: () => number;
  grantsRepo?: GrantsRepoSetting;
  validator?: SchemaValidator;
  seal: RecordSeal;
}): ProtectionDeps {
  return {
    seal: options.seal,
    now: options.now ?? (() => Date.now()),
    grantsRepo: options.grantsRepo ?? DEFAULT_GRANTS_REPO,
    validator: options.validator ?? createSchemaValidator(),
    portFor: (context) => createOctokitProtectionPort(context.octokit as unknown as ProtectionClient),
  };
}
