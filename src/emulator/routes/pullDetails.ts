import { commitsBetween } from '../git/history.js';
import { notFound, unprocessable } from '../http.js';
import { optArray } from '../input.js';
import { paginate } from '../pagination.js';
import { findPull } from '../ops/findPull.js';
import { pullBaseSha, pullFileChanges } from '../ops/pullFiles.js';
import { renderCommitSha } from '../render/git.js';
import { renderPull } from '../render/pulls.js';
import { renderTeam } from '../render/teams.js';
import { renderUser } from '../render/users.js';
import type { RouteDef } from '../router.js';
import { findTeam, findUser } from '../state/state.js';
import { renderFile } from './commits.js';
import { created, noContent, numParam, ok, repoRoute } from './define.js';
import { checkCanEdit } from './pulls.js';

const pulls = { permission: 'pull_requests' };

/** Files, commits and review requests of a pull request; whether it is merged. */
export const pullDetailsRoutes: RouteDef[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', pulls, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    const files = pullFileChanges(ctx.repo, issue.pull).slice(0, 3000);
    const page = paginate({ items: files, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((f) => renderFile(ctx.core, ctx.repo, f, issue.pull.headSha)),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/commits', pulls, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    const shas = commitsBetween(ctx.repo.git, pullBaseSha(ctx.repo, issue.pull), issue.pull.headSha).slice(
      0,
      250,
    );
    const page = paginate({ items: shas, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(
      page.items.map((sha) => renderCommitSha(ctx.core, ctx.repo, sha)),
      page.headers,
    );
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', pulls, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    if (!issue.pull.merged) throw notFound();
    return noContent();
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', pulls, (ctx) => {
    const { pull } = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    return ok({
      users: pull.requestedReviewers.map((r) => renderUser(ctx.core, r)),
      teams: pull.requestedTeams.flatMap((t) => renderTeam(ctx.core, ctx.repo.owner, t) ?? []),
    });
  }),
  repoRoute(
    'POST',
    '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    { ...pulls, level: 'read' },
    (ctx) => {
      const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
      checkCanEdit(ctx, issue);
      const users = (optArray(ctx.body, 'reviewers') ?? []).map(String);
      const teams = (optArray(ctx.body, 'team_reviewers') ?? []).map(String);
      for (const login of users) {
        if (login.toLowerCase() === issue.user.toLowerCase())
          throw unprocessable('Review cannot be requested from pull request author.');
        const user = findUser(ctx.core.state, login);
        if (!user)
          throw unprocessable(
            'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ' +
              `${ctx.repo.owner}/${ctx.repo.name} repository.`,
          );
        if (!issue.pull.requestedReviewers.includes(user.login))
          issue.pull.requestedReviewers.push(user.login);
      }
      for (const slug of teams) {
        const team = findTeam(ctx.core.state, ctx.repo.owner, slug);
        if (!team) throw unprocessable(`Could not resolve to a node with the global id of '${slug}'.`);
        if (!issue.pull.requestedTeams.includes(team.slug)) issue.pull.requestedTeams.push(team.slug);
      }
      return created(renderPull(ctx.core, ctx.repo, issue, true));
    },
  ),
  repoRoute(
    'DELETE',
    '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    { ...pulls, level: 'read' },
    (ctx) => {
      const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
      checkCanEdit(ctx, issue);
      const users = (optArray(ctx.body, 'reviewers') ?? []).map((u) => String(u).toLowerCase());
      const teams = (optArray(ctx.body, 'team_reviewers') ?? []).map((t) => String(t).toLowerCase());
      issue.pull.requestedReviewers = issue.pull.requestedReviewers.filter(
        (r) => !users.includes(r.toLowerCase()),
      );
      issue.pull.requestedTeams = issue.pull.requestedTeams.filter((t) => !teams.includes(t));
      return ok(renderPull(ctx.core, ctx.repo, issue, false));
    },
  ),
];
