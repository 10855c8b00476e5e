import { repoUrl } from '../core.js';
import { conflict, HttpError, notFound, unprocessable } from '../http.js';
import { optString, reqString } from '../input.js';
import { findPull } from '../ops/findPull.js';
import { mergeIntoBranch } from '../ops/mergeBranch.js';
import { checkPushAllowed } from '../ops/pushRules.js';
import { branchHead, resolveRef } from '../ops/refs.js';
import { renderCommitSha } from '../render/git.js';
import type { RouteDef } from '../router.js';
import { created, noContent, numParam, repoRoute } from './define.js';
import { checkCanEdit } from './pulls.js';

/** Branch merges: `POST /merges` and a pull request's "Update branch". */
export const branchMergesRoutes: RouteDef[] = [
  repoRoute('POST', '/repos/{owner}/{repo}/merges', { permission: 'contents' }, (ctx) => {
    const base = reqString(ctx.body, 'base');
    const headRef = reqString(ctx.body, 'head');
    if (!branchHead(ctx.repo, base)) throw notFound('Base does not exist');
    const head = resolveRef(ctx.repo, headRef);
    if (!head) throw notFound('Head does not exist');
    checkPushAllowed(ctx.repo, `refs/heads/${base}`, ctx.actor.login);
    const message = optString(ctx.body, 'commit_message') ?? `Merge ${headRef} into ${base}`;
    const outcome = mergeIntoBranch(ctx.core, {
      repo: ctx.repo,
      branch: base,
      headSha: head,
      message,
      actor: ctx.actor.login ?? 'ghost',
    });
    if (outcome.result === 'noop') return noContent();
    if (outcome.result === 'conflict') throw conflict('Merge conflict');
    return created(renderCommitSha(ctx.core, ctx.repo, outcome.sha));
  }),
  repoRoute(
    'PUT',
    '/repos/{owner}/{repo}/pulls/{pull_number}/update-branch',
    { permission: 'pull_requests', level: 'read' },
    (ctx) => {
      const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
      checkCanEdit(ctx, issue);
      const expected = optString(ctx.body, 'expected_head_sha');
      if (expected !== undefined && expected !== issue.pull.headSha)
        throw unprocessable('expected head sha didn’t match current head ref.');
      const baseSha = branchHead(ctx.repo, issue.pull.baseRef);
      if (!baseSha || issue.state !== 'open') throw unprocessable('Pull request is not open.');
      const outcome = mergeIntoBranch(ctx.core, {
        repo: ctx.repo,
        branch: issue.pull.headRef,
        headSha: baseSha,
        message: `Merge branch '${issue.pull.baseRef}' into ${issue.pull.headRef}`,
        actor: ctx.actor.login ?? 'ghost',
      });
      if (outcome.result === 'noop') throw unprocessable('There are no new commits on the base branch.');
      if (outcome.result === 'conflict')
        throw new HttpError(422, { message: 'merge conflict between base and head', status: '422' });
      return {
        status: 202,
        body: {
          message: 'Updating pull request branch.',
          url: `${repoUrl(ctx.core, ctx.repo)}/pulls/${issue.number}`,
        },
      };
    },
  ),
];
