import { repoUrl, timestamp, type Core } from '../core.js';
import { unprocessable } from '../http.js';
import { optString, optEnum } from '../input.js';
import { resolveRef } from '../ops/refs.js';
import { renderUser } from '../render/users.js';
import type { RouteDef } from '../router.js';
import type { CommitStatus, Repo } from '../state/types.js';
import { created, ok, param, repoRoute } from './define.js';

const statuses = { permission: 'statuses' };

function renderStatus(core: Core, repo: Repo, s: CommitStatus): Record<string, unknown> {
  return {
    url: `${repoUrl(core, repo)}/statuses/${s.sha}`,
    id: s.id,
    node_id: Buffer.from(`013:StatusContext${s.id}`).toString('base64'),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    creator: renderUser(core, s.creator),
  };
}

function latestPerContext(repo: Repo, sha: string): CommitStatus[] {
  const latest = new Map<string, CommitStatus>();
  for (const s of repo.statuses.filter((x) => x.sha === sha).sort((a, b) => a.id - b.id))
    latest.set(s.context, s);
  return [...latest.values()];
}

/** Commit statuses (the other kind of required check). */
export const statusesRoutes: RouteDef[] = [
  repoRoute('POST', '/repos/{owner}/{repo}/statuses/{sha}', statuses, (ctx) => {
    const sha = param(ctx, 'sha');
    if (!ctx.repo.git.commit(sha)) throw unprocessable(`No commit found for SHA: ${sha}`);
    const now = timestamp(ctx.core);
    const status: CommitStatus = {
      id: ctx.core.state.nextId(),
      sha,
      state: optEnum(ctx.body, 'state', ['error', 'failure', 'pending', 'success'] as const) ?? 'pending',
      context: optString(ctx.body, 'context') ?? 'default',
      description: optString(ctx.body, 'description') ?? null,
      targetUrl: optString(ctx.body, 'target_url') ?? null,
      creator: ctx.actor.login ?? 'ghost',
      createdAt: now,
      updatedAt: now,
    };
    ctx.repo.statuses.push(status);
    return created(renderStatus(ctx.core, ctx.repo, status));
  }),
  repoRoute('GET', '/repos/{owner}/{repo}/commits/{ref}/status', statuses, (ctx) => {
    const sha = resolveRef(ctx.repo, param(ctx, 'ref'));
    if (!sha) throw unprocessable(`No commit found for SHA: ${param(ctx, 'ref')}`);
    const list = latestPerContext(ctx.repo, sha);
    const state = list.some((s) => s.state === 'failure' || s.state === 'error')
      ? 'failure'
      : list.length > 0 && list.every((s) => s.state === 'success')
        ? 'success'
        : 'pending';
    return ok({
      state,
      statuses: list.map((s) => renderStatus(ctx.core, ctx.repo, s)),
      sha,
      total_count: list.length,
    });
  }),
];
