import { GitHubError, toGitHubError } from '../githubError.js';
import type { RepoId } from '../port.js';
import type { ProtectionClient } from './callProtectionCallback.js';

/**
 * The ids of the Apps whose enabled custom protection rule guards an environment
 * (https://docs.github.com/rest/deployments/protection-rules#get-all-deployment-protection-rules-for-an-environment).
 */
export async function listProtectionRuleApps(
  octokit: ProtectionClient,
  repo: RepoId,
  environment: string,
): Promise<number[]> {
  const what = `listing the protection rules of environment ${environment} of ${repo.owner}/${repo.repo}`;
  let rules: unknown;
  try {
    const { data } = await octokit.request(
      'GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules',
      { ...repo, environment_name: environment },
    );
    rules = (data as { custom_deployment_protection_rules?: unknown }).custom_deployment_protection_rules;
  } catch (error) {
    throw toGitHubError(error, what);
  }
  if (rules === undefined) return [];
  if (!Array.isArray(rules))
    throw new GitHubError(`grantops: ${what} did not return a list of rules`, 'invalid', undefined, false);
  return rules.flatMap((rule) => {
    const r = rule as { enabled?: unknown; app?: { id?: unknown } } | null;
    return r?.enabled !== false && typeof r?.app?.id === 'number' ? [r.app.id] : [];
  });
}
