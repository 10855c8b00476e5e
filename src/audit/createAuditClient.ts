import { Octokit } from '@octokit/rest';

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** An Octokit client for one export, and how many API requests it has sent (pages included). */
export interface AuditClient {
  octokit: Octokit;
  calls: () => number;
}

/**
 * A token-authenticated client for `apiUrl` (GitHub, GitHub Enterprise Server or the emulator).
 * It logs nothing: failures reach the user once, as the command's message.
 */
export function createAuditClient(params: { token: string; apiUrl: string }): AuditClient {
  const octokit = new Octokit({
    auth: params.token,
    baseUrl: params.apiUrl.replace(/\/+$/, ''),
    userAgent: 'grantops-audit',
    log: QUIET,
  });
  let calls = 0;
  octokit.hook.before('request', () => {
    calls += 1;
  });
  return { octokit, calls: () => calls };
}
