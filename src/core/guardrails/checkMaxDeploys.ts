import { formatDuration, formatUtc, parseDuration } from '../time/index.js';
import type { Finding, GuardContext } from './finding.js';

/**
 * The max_deploys rule: deployments at `(now - per, ...)` are counted, including ones stamped after
 * `now` (GitHub's clock may run ahead of the deciding one), and reaching `count` blocks until the
 * oldest of them leaves the window. Without a readable history it fails closed.
 */
export function checkMaxDeploys(ctx: GuardContext): Finding[] {
  const limit = ctx.guardrail.max_deploys;
  if (!limit) return [];
  const { now, environment, deployments } = ctx.input;
  const base = {
    rule: 'max_deploys' as const,
    times: { utc: formatUtc(now) },
    ...ctx.locate(['max_deploys']),
  };
  const per = parseDuration(limit.per);
  if (per === undefined || !Number.isInteger(limit.count) || limit.count < 0) {
    const message = `max_deploys of ${ctx.envKey} needs a whole \`count\` of 0 or more and a duration \`per\` like 1h: fix it in ${ctx.input.policy.file}`;
    return [{ ...base, status: 'fail', code: 'policy_invalid', message }];
  }
  if (deployments === undefined || deployments.some((d) => !Number.isFinite(d.createdAt))) {
    const message = `the deployment history of ${environment} could not be read, so max_deploys (${limit.count} per ${limit.per}) cannot be checked: retry, and check the token can read deployments`;
    return [{ ...base, status: 'fail', code: 'deploy_history_unavailable', message }];
  }
  const recent = deployments
    .map((d) => d.createdAt)
    .filter((t) => now - per < t)
    .sort((a, b) => a - b);
  const counted = `${recent.length} deploys to ${environment} in the last ${formatDuration(per)} (limit ${limit.count})`;
  if (recent.length < limit.count)
    return [{ ...base, status: 'pass', code: 'deploys_within_limit', message: counted }];
  // The slot frees when enough of the oldest deployments have aged out to leave count - 1.
  const freesAt = recent[recent.length - limit.count];
  if (freesAt === undefined) {
    const message = `${counted}: max_deploys.count is 0, so nothing deploys to ${environment}; raise guardrails.${ctx.envKey}.max_deploys.count in ${ctx.input.policy.file}`;
    return [{ ...base, status: 'fail', code: 'deploy_limit_reached', message }];
  }
  const until = formatUtc(freesAt + per);
  const message = `${counted}: the next slot frees at ${until}; deploy then, or raise guardrails.${ctx.envKey}.max_deploys.count in ${ctx.input.policy.file}`;
  return [{ ...base, status: 'fail', code: 'deploy_limit_reached', message, until }];
}
