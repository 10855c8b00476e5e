import type { Probot } from 'probot';
import { onProtectionRuleRequested } from './onProtectionRuleRequested.js';
import type { ProtectionDeps } from './protectionDeps.js';

/**
 * Makes the App a custom deployment protection rule: registers the one handler of
 * `deployment_protection_rule.requested`. The App needs `actions: read` and `deployments: write`
 * on the deploying repositories, `contents: read` on the grants repository, and the
 * "Deployment protection rule" event (https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/creating-custom-deployment-protection-rules).
 */
export function registerProtectionRule(app: Probot, deps: ProtectionDeps): void {
  app.on('deployment_protection_rule.requested', (context) => onProtectionRuleRequested(context, deps));
}
