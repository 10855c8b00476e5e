import { Octokit } from '@octokit/rest';
import { loadGrantsRepo } from '../config/loadGrantsRepo.js';
import { createSchemaValidator } from '../config/schemaValidator.js';
import type { GrantsRepo } from '../core/grantsRepo.js';
import type { Grant } from '../core/types.js';
import { openPullRequest } from '../github/openPullRequest.js';
import type { RepoId } from '../github/port.js';
import { readRepoSnapshot } from '../github/readRepoSnapshot.js';
import { IoError, UsageError, type CliContext } from './cliContext.js';

/** A grants repository read through the API, with the client that read it. */
export interface RemoteRepo {
  octokit: Octokit;
  id: RepoId;
  defaultBranch: string;
  repo: GrantsRepo;
}

/** Reads OWNER/NAME's default branch through the API (GITHUB_TOKEN, GITHUB_API_URL): two calls. */
export async function readRemoteRepo(context: CliContext, name: string): Promise<RemoteRepo> {
  const [owner, repo, extra] = name.split('/');
  if (!owner || !repo || extra !== undefined) throw new UsageError(`--repo "${name}" is not OWNER/NAME`);
  const token = context.env.GRANTOPS_TOKEN ?? context.env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError(
      '--open-pr needs a token in GITHUB_TOKEN (or GRANTOPS_TOKEN) that can push branches and open pull requests',
    );
  const octokit = new Octokit({
    auth: token,
    baseUrl: context.env.GITHUB_API_URL ?? 'https://api.github.com',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  try {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    const snapshot = await readRepoSnapshot(octokit, { owner, repo }, data.default_branch);
    const loaded = loadGrantsRepo({
      files: snapshot.files,
      validator: createSchemaValidator(),
      refused: snapshot.problems,
    });
    return {
      octokit,
      id: { owner, repo },
      defaultBranch: data.default_branch,
      repo: { ...loaded, problems: [...snapshot.problems, ...loaded.problems] },
    };
  } catch (error) {
    throw new IoError(`cannot read ${name}: ${(error as Error).message}`, { cause: error });
  }
}

/** Opens the request PR: a branch with the new grant file, and a pull request that explains it. */
export async function openRequestPullRequest(
  remote: RemoteRepo,
  params: { file: string; text: string; grant: Grant },
): Promise<number> {
  const { grant } = params;
  const branch = `grantops-request/${params.file.replace(/^grants\//, '').replace(/\.yml$/, '')}`;
  const title = `Request ${grant.resource}${grant.role ? ` (${grant.role})` : ''} for @${grant.grantee} until ${grant.expires}`;
  const body = [
    `**Reason:** ${grant.reason}`,
    ...(grant.ticket ? [`**Ticket:** ${grant.ticket}`] : []),
    '',
    `Opened with \`grantops request\`. The code owners of \`${params.file}\` approve it by reviewing.`,
  ].join('\n');
  try {
    return await openPullRequest(remote.octokit, remote.id, {
      branch,
      title,
      body,
      base: remote.defaultBranch,
      files: { [params.file]: params.text },
    });
  } catch (error) {
    throw new IoError(
      `cannot open the pull request on ${remote.id.owner}/${remote.id.repo}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
