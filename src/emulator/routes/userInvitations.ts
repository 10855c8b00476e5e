import type { Core } from '../core.js';
import { notFound } from '../http.js';
import type { RouteDef } from '../router.js';
import type { Repo, RepoInvitation } from '../state/types.js';
import { noContent, numParam, ok, route } from './define.js';
import { renderInvitation } from './collaborators.js';

/** The invitations addressed to a login, with their repositories. */
function invitationsFor(core: Core, login: string): Array<{ repo: Repo; invitation: RepoInvitation }> {
  return [...core.state.repos.values()].flatMap((repo) =>
    [...repo.invitations.values()]
      .filter((i) => i.invitee.toLowerCase() === login.toLowerCase())
      .map((invitation) => ({ repo, invitation })),
  );
}

/** Accepts a repository invitation: the invitee becomes a collaborator with the invited permission. */
export function acceptRepoInvitation(repo: Repo, invitation: RepoInvitation): void {
  repo.invitations.delete(invitation.id);
  repo.collaborators.set(invitation.invitee.toLowerCase(), invitation.permission);
}

function own(ctx: Parameters<RouteDef['handler']>[0]): { repo: Repo; invitation: RepoInvitation } {
  const id = numParam(ctx, 'invitation_id');
  const found =
    ctx.actor.kind === 'user'
      ? invitationsFor(ctx.core, ctx.actor.login).find((x) => x.invitation.id === id)
      : undefined;
  if (!found) throw notFound();
  return found;
}

/** The invitee's side of repository invitations. */
export const userInvitationsRoutes: RouteDef[] = [
  route('GET', '/user/repository_invitations', (ctx) =>
    ok(
      ctx.actor.kind === 'user'
        ? invitationsFor(ctx.core, ctx.actor.login).map((x) =>
            renderInvitation(ctx.core, x.repo, x.invitation),
          )
        : [],
    ),
  ),
  route('PATCH', '/user/repository_invitations/{invitation_id}', (ctx) => {
    const { repo, invitation } = own(ctx);
    acceptRepoInvitation(repo, invitation);
    return noContent();
  }),
  route('DELETE', '/user/repository_invitations/{invitation_id}', (ctx) => {
    const { repo, invitation } = own(ctx);
    repo.invitations.delete(invitation.id);
    return noContent();
  }),
];
