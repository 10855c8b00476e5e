import nock from 'nock';
import { createTarball } from '../../src/emulator/tarball.js';

export const API = 'https://api.github.com';
export const OWNER = 'acme';
export const REPO = 'access-grants';
const R = `/repos/${OWNER}/${REPO}`;

/** Named nock helpers for the GitHub routes grantops calls; each returns its scope. */
export const github = {
  installationToken: () =>
    nock(API)
      .post('/app/installations/1/access_tokens')
      .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} }),
  pullFiles: (number: number, files: { filename: string; status?: string; previous_filename?: string }[]) =>
    nock(API)
      .get(`${R}/pulls/${number}/files`)
      .query({ per_page: 100 })
      .reply(
        200,
        files.map((f) => ({
          sha: 'b'.repeat(40),
          status: 'added',
          additions: 1,
          deletions: 0,
          changes: 1,
          ...f,
        })),
      ),
  /**
   * One page of `GET /compare/{base}...{head}` as the adapter asks for it (`per_page=100`): the
   * files only on page 1, the commits of that page, and `total_commits` for the whole comparison.
   */
  compare: (
    basehead: string,
    options: {
      files?: { filename: string; status?: string; previous_filename?: string; sha?: string | null }[];
      commits?: { author: string | null; committer?: string | null }[];
      totalCommits?: number;
      page?: number;
      baseSha?: string;
    },
  ) =>
    nock(API)
      .get(`${R}/compare/${basehead}`)
      .query({ per_page: 100, page: options.page ?? 1 })
      .reply(200, () => {
        const user = (login: string | null) => (login === null ? null : { login, type: 'User' });
        const commits = (options.commits ?? []).map((c, i) => ({
          sha: `${options.page ?? 1}${i}`.repeat(40).slice(0, 40),
          commit: { author: { name: c.author ?? 'someone', email: 'someone@example.com' } },
          author: user(c.author),
          committer: user(c.committer === undefined ? c.author : c.committer),
        }));
        return {
          base_commit: { sha: options.baseSha ?? 'f'.repeat(40) },
          merge_base_commit: { sha: options.baseSha ?? 'f'.repeat(40) },
          status: 'ahead',
          ahead_by: options.totalCommits ?? commits.length,
          behind_by: 0,
          total_commits: options.totalCommits ?? commits.length,
          commits,
          files: (options.files ?? []).map((f) => ({
            sha: 'b'.repeat(40),
            status: 'added',
            additions: 1,
            deletions: 0,
            changes: 1,
            ...f,
          })),
        };
      }),
  tarball: (ref: string, files: Record<string, string>, commitSha = 'c'.repeat(40)) =>
    nock(API)
      .get(`${R}/tarball/${ref}`)
      .reply(
        200,
        createTarball({
          folder: `${OWNER}-${REPO}-${commitSha.slice(0, 7)}`,
          commitSha,
          mtime: new Date(0),
          files: Object.entries(files).map(([path, content]) => ({
            path,
            content: Buffer.from(content),
            mode: '100644',
          })),
        }),
        {
          'content-type': 'application/x-gzip',
        },
      ),
  reviews: (
    number: number,
    reviews: { login: string; state: string; commit_id: string; submitted_at: string; type?: string }[],
  ) =>
    nock(API)
      .get(`${R}/pulls/${number}/reviews`)
      .query({ per_page: 100 })
      .reply(
        200,
        reviews.map((r, i) => ({
          id: i + 1,
          user: { login: r.login, type: r.type ?? 'User' },
          state: r.state,
          commit_id: r.commit_id,
          submitted_at: r.submitted_at,
          body: '',
        })),
      ),
  teamMembers: (org: string, slug: string, logins: string[] | 404) =>
    logins === 404
      ? nock(API)
          .get(`/orgs/${org}/teams/${slug}/members`)
          .query({ per_page: 100 })
          .reply(404, { message: 'Not Found' })
      : nock(API)
          .get(`/orgs/${org}/teams/${slug}/members`)
          .query({ per_page: 100 })
          .reply(
            200,
            logins.map((login) => ({ login })),
          ),
  findCheckRuns: (sha: string, runs: { id: number; external_id: string; app_id?: number }[] = []) =>
    nock(API)
      .get(`${R}/commits/${sha}/check-runs`)
      .query(true)
      .reply(200, {
        total_count: runs.length,
        check_runs: runs.map((r) => ({
          id: r.id,
          head_sha: sha,
          external_id: r.external_id,
          status: 'completed',
          conclusion: 'action_required',
          app: { id: r.app_id ?? 123 },
        })),
      }),
  createCheckRun: (capture: (body: Record<string, unknown>) => void, id = 99) =>
    nock(API)
      .post(`${R}/check-runs`, (body) => (capture(body), true))
      .reply(201, (_uri, body) => ({
        id,
        head_sha: (body as { head_sha: string }).head_sha,
        external_id: (body as { external_id?: string }).external_id ?? null,
        status: 'completed',
        conclusion: 'success',
        app: { id: 123 },
      })),
  updateCheckRun: (id: number, capture: (body: Record<string, unknown>) => void) =>
    nock(API)
      .patch(`${R}/check-runs/${id}`, (body) => (capture(body), true))
      .reply(200, { id }),
  merge: (number: number, capture: (body: Record<string, unknown>) => void, status = 200) =>
    nock(API)
      .put(`${R}/pulls/${number}/merge`, (body) => (capture(body), true))
      .reply(
        status,
        status === 200
          ? { sha: 'm'.repeat(40), merged: true, message: 'Pull Request successfully merged' }
          : {
              message:
                status === 409
                  ? 'Head branch was modified. Review and try the merge again.'
                  : 'Pull Request is not mergeable',
            },
      ),
  comments: (number: number, comments: { id: number; body: string }[] = []) =>
    nock(API).get(`${R}/issues/${number}/comments`).query({ per_page: 100 }).reply(200, comments),
  createComment: (number: number, capture: (body: Record<string, unknown>) => void) =>
    nock(API)
      .post(`${R}/issues/${number}/comments`, (body) => (capture(body), true))
      .reply(201, { id: 1 }),
  addLabels: (number: number, labels: string[]) =>
    nock(API)
      .post(`${R}/issues/${number}/labels`, { labels })
      .reply(
        200,
        labels.map((name) => ({ name })),
      ),
  closePull: (number: number) =>
    nock(API).patch(`${R}/pulls/${number}`, { state: 'closed' }).reply(200, { number, state: 'closed' }),
  getPull: (number: number, pull: Record<string, unknown>) =>
    nock(API).get(`${R}/pulls/${number}`).reply(200, pull),
};
