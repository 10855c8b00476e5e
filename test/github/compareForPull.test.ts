import { describe, expect, it } from 'vitest';
import { compareForPull } from '../../src/github/octokit/compareForPull.js';
import type { OctokitClient } from '../../src/github/octokit/state.js';

/** A client whose one comparison page answers `data`, recording what was asked. */
function clientAnswering(data: Record<string, unknown>) {
  const asked: unknown[] = [];
  const octokit = {
    request: async (route: string, params: unknown) => (asked.push([route, params]), { data }),
  } as unknown as OctokitClient;
  return { octokit, asked };
}

describe('compareForPull', () => {
  it('fails the read, never passing an empty file list, when GitHub leaves the files out', async () => {
    const { octokit, asked } = clientAnswering({
      base_commit: { sha: 'f'.repeat(40) },
      total_commits: 1,
      commits: [{ sha: 'a'.repeat(40), author: { login: 'bob' }, committer: null }],
    });
    await expect(
      compareForPull(
        { octokit, appId: undefined },
        { owner: 'acme', repo: 'access' },
        'main',
        'a'.repeat(40),
      ),
    ).rejects.toMatchObject({
      name: 'GitHubError',
      kind: 'unavailable',
      retryable: true,
      message: expect.stringMatching(
        /^grantops: comparing main\.\.\.aaaaaaa failed: GitHub's answer lists no changed files/,
      ),
    });
    expect(asked).toEqual([
      [
        'GET /repos/{owner}/{repo}/compare/{basehead}',
        { owner: 'acme', repo: 'access', basehead: `main...${'a'.repeat(40)}`, per_page: 100, page: 1 },
      ],
    ]);
  });
});
