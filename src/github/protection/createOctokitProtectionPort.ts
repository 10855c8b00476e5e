import { listDeployments } from '../listDeployments.js';
import { readRepoSnapshot } from '../readRepoSnapshot.js';
import { answerProtectionRule } from './answerProtectionRule.js';
import type { ProtectionClient } from './callProtectionCallback.js';
import { listDeploymentStatuses } from './listDeploymentStatuses.js';
import { listPendingEnvironments } from './listPendingEnvironments.js';
import { listProtectionRuleApps } from './listProtectionRuleApps.js';
import { listRecordPulls } from './listRecordPulls.js';
import { listRunReviews } from './listRunReviews.js';
import { listWaitingRuns } from './listWaitingRuns.js';
import { postStatusReport } from './postStatusReport.js';
import type { ProtectionPort } from './protectionPort.js';

/**
 * Binds the protection-rule adapter to one installation's Octokit (Probot's `context.octokit` or an
 * `@octokit/rest` client): the port the handler and the sweep use.
 */
export function createOctokitProtectionPort(octokit: ProtectionClient): ProtectionPort {
  return {
    readDefaultBranch: (repo) => readRepoSnapshot(octokit, repo),
    listRecentDeployments: async (params) => (await listDeployments(octokit, params)).deployments,
    listDeploymentStatuses: (repo, id) => listDeploymentStatuses(octokit, repo, id),
    listRecordPulls: (repo, branch) => listRecordPulls(octokit, repo, branch),
    answerProtectionRule: (params) => answerProtectionRule(octokit, params),
    postStatusReport: (params) => postStatusReport(octokit, params),
    listWaitingRuns: (repo, limit) => listWaitingRuns(octokit, repo, limit),
    listPendingEnvironments: (run) => listPendingEnvironments(octokit, run),
    listProtectionRuleApps: (repo, environment) => listProtectionRuleApps(octokit, repo, environment),
    listRunReviews: (run) => listRunReviews(octokit, run),
  };
}
