import { optEnum, optString } from '../input.js';
import { findPull } from '../ops/findPull.js';
import { mergePull } from '../ops/mergePull.js';
import type { RouteDef } from '../router.js';
import { numParam, ok, repoRoute } from './define.js';

/** `PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge`. */
export const mergeRoutes: RouteDef[] = [
  repoRoute('PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', { permission: 'contents' }, (ctx) => {
    const issue = findPull(ctx.repo, numParam(ctx, 'pull_number'));
    const sha = mergePull(ctx.core, ctx.repo, issue, {
      actor: ctx.actor.login ?? 'ghost',
      method: optEnum(ctx.body, 'merge_method', ['merge', 'squash', 'rebase'] as const) ?? 'merge',
      sha: optString(ctx.body, 'sha'),
      title: optString(ctx.body, 'commit_title'),
      message: optString(ctx.body, 'commit_message'),
    });
    return ok({ sha, merged: true, message: 'Pull Request successfully merged' });
  }),
];
