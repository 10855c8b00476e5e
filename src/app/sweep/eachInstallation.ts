import type { Probot } from 'probot';
import type { OctokitClient } from '../../github/octokit/state.js';

/** One installation of the App, with a client authenticated as it. */
export interface InstallationClient {
  id: number;
  account: string;
  octokit: Awaited<ReturnType<Probot['auth']>>;
}

/**
 * Walks every installation of the App (paginated), yielding a client per installation. The shape
 * of octokit/app.js's `eachInstallation`: the sweep serves all installations, not the first.
 */
export async function* eachInstallation(probot: Probot): AsyncGenerator<InstallationClient> {
  const app = await probot.auth();
  const client = app as unknown as OctokitClient;
  for await (const page of client.paginate.iterator('GET /app/installations', { per_page: 100 })) {
    for (const installation of page.data) {
      const account =
        installation.account && 'login' in installation.account ? installation.account.login : undefined;
      if (!account || installation.suspended_at) continue;
      yield { id: installation.id, account, octokit: await probot.auth(installation.id) };
    }
  }
}
