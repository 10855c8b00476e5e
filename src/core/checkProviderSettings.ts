import { problemAt, type Problem, type SourceFile } from './problem.js';
import { REPO_PERMISSIONS, TEAM_ROLES, type Policy, type ProviderName, type Resource } from './types.js';

/** The settings each provider requires and the ones it accepts. */
const PROVIDER_SETTINGS: Record<
  ProviderName,
  { required: (keyof Resource)[]; optional: (keyof Resource)[] }
> = {
  'github-team': { required: ['team'], optional: ['org'] },
  'github-repo': { required: ['repo'], optional: ['permission'] },
  environment: { required: ['environment'], optional: [] },
  webhook: { required: ['url', 'secret_env'], optional: [] },
};
const ALL_SETTINGS = Object.values(PROVIDER_SETTINGS).flatMap((s) => [...s.required, ...s.optional]);

/** A resource must carry its provider's settings and no other provider's, and roles its provider understands. */
export function checkProviderSettings(
  source: SourceFile<Policy>,
  name: string,
  resource: Resource,
): Problem[] {
  const problems: Problem[] = [];
  const at = ['resources', name];
  const own = PROVIDER_SETTINGS[resource.provider];
  for (const key of own.required) {
    if (resource[key] === undefined) {
      problems.push(
        problemAt(
          source,
          at,
          'policy-provider-setting',
          `provider ${resource.provider} needs \`${key}\` in resource ${name}`,
          { key: true },
        ),
      );
    }
  }
  for (const key of ALL_SETTINGS) {
    if (resource[key] !== undefined && !own.required.includes(key) && !own.optional.includes(key)) {
      problems.push(
        problemAt(
          source,
          [...at, key],
          'policy-provider-setting',
          `\`${key}\` is not a setting of provider ${resource.provider}; remove it or change the provider`,
          { key: true },
        ),
      );
    }
  }
  const allowed: readonly string[] | undefined =
    resource.provider === 'github-team'
      ? TEAM_ROLES
      : resource.provider === 'github-repo'
        ? REPO_PERMISSIONS
        : undefined;
  resource.roles?.forEach((role, i) => {
    if (allowed && !allowed.includes(role)) {
      problems.push(
        problemAt(
          source,
          [...at, 'roles', i],
          'policy-role',
          `role "${role}" means nothing to provider ${resource.provider}; use ${allowed.join(', ')}`,
        ),
      );
    }
  });
  if (
    resource.provider === 'webhook' &&
    resource.url?.startsWith('http://') &&
    !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(resource.url)
  ) {
    problems.push(
      problemAt(
        source,
        [...at, 'url'],
        'policy-insecure-url',
        'webhook url must use https (plain http is only accepted on loopback)',
      ),
    );
  }
  return problems;
}
