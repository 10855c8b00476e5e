import type { SourceFile } from '../problem.js';
import { formatUtc } from '../time/index.js';
import type { Grant } from '../types.js';
import type { Finding, GuardContext } from './finding.js';
import type { GrantStatus } from './grantStatus.js';

const request = (resource: string): string => `\`grantops request ${resource} --for 1h --reason "..."\``;

function pointAt(grant: SourceFile<Grant>, key: string): Pick<Finding, 'file' | 'line' | 'col'> {
  return { file: grant.file, ...grant.locate([key]) };
}

/** The grant rule's row for one login: what it holds (or lacks), where, and how to get access. */
export function grantFinding(params: {
  ctx: GuardContext;
  login: string;
  status: GrantStatus;
  resources: readonly string[];
}): Finding {
  const { ctx, login, status, resources } = params;
  const base = { rule: 'grant' as const, times: { utc: formatUtc(ctx.input.now) } };
  const env = ctx.input.environment;
  if (status.kind === 'none') {
    const any = resources.length > 1 ? ` (any of ${resources.join(', ')})` : '';
    const message = `no active grant for ${login} to deploy to ${env}${any}: request one with ${request(resources[0] as string)}`;
    return { ...base, status: 'fail', code: 'no_active_grant', message, ...ctx.locate(['require_grant']) };
  }
  const file = status.grant.file;
  if (status.kind === 'active') {
    const until = formatUtc(status.expires);
    const kind = status.emergency ? 'the emergency grant' : 'grant';
    const message = `${login} holds ${kind} ${file} for ${env} until ${until}`;
    return {
      ...base,
      status: 'pass',
      code: 'grant_active',
      message,
      until,
      ...pointAt(status.grant, 'grantee'),
    };
  }
  if (status.kind === 'not_applied') {
    const message = `${login}'s grant ${file} reached the default branch without grantops applying it (no sealed grantops record matches this content: a direct push, or an edit outside an approved PR), so it does not count: request access with a PR, ${request(status.grant.data.resource)}`;
    return {
      ...base,
      status: 'fail',
      code: 'grant_not_applied',
      message,
      ...pointAt(status.grant, 'grantee'),
    };
  }
  if (status.kind === 'not_started') {
    const until = formatUtc(status.starts);
    const message = `${login}'s grant ${file} starts at ${until}: deploy after then, or move \`starts\` earlier with an approved PR`;
    return {
      ...base,
      status: 'fail',
      code: 'grant_not_started',
      message,
      until,
      ...pointAt(status.grant, 'starts'),
    };
  }
  const message = `${login}'s grant ${file} expired at ${formatUtc(status.expires)}: extend it with a PR that moves \`expires\`, or request a new one with ${request(status.grant.data.resource)}`;
  return { ...base, status: 'fail', code: 'grant_expired', message, ...pointAt(status.grant, 'expires') };
}
