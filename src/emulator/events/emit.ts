import type { Core } from '../core.js';
import { renderRepo } from '../render/repos.js';
import { renderOrgSimple } from '../render/teams.js';
import { renderUser } from '../render/users.js';
import { findOrg, installationsFor, repoKey } from '../state/state.js';
import type { Installation, Repo } from '../state/types.js';

/** An event to send to every App installed where it happened and subscribed to it. */
export interface EventInput {
  event: string;
  action?: string;
  /** The repository the event happened in (omit for app-level events such as `installation`). */
  repo?: Repo;
  /** For app-level events: the installation concerned. */
  installation?: Installation;
  /** Login of the actor (`sender`). */
  sender: string;
  /** Event-specific fields, placed after `action` as GitHub orders them. */
  fields: Record<string, unknown>;
  /** Deliver only to this App (events GitHub sends to one App, like `check_run.rerequested`). */
  onlyAppId?: number;
}

function subscribed(events: string[] | null, event: string): boolean {
  return event === 'installation' || events === null || events.includes(event);
}

/**
 * Builds the payload GitHub would send for the event (adding `repository`, `organization`,
 * `sender` and `installation`) and queues one delivery per App installation that covers it.
 */
export function emitEvent(core: Core, input: EventInput): void {
  const targets = input.repo
    ? installationsFor(core.state, input.repo)
    : input.installation
      ? [input.installation]
      : [];
  for (const installation of targets) {
    const app = core.state.apps.get(installation.appId);
    if (!app || !subscribed(app.events, input.event)) continue;
    if (input.onlyAppId !== undefined && app.id !== input.onlyAppId) continue;
    const owner = input.repo?.owner ?? installation.account;
    const org = findOrg(core.state, owner);
    const payload: Record<string, unknown> = {
      ...(input.action ? { action: input.action } : {}),
      ...input.fields,
      ...(input.repo ? { repository: renderRepo(core, input.repo) } : {}),
      ...(org ? { organization: renderOrgSimple(core, org) } : {}),
      sender: renderUser(core, input.sender),
      installation: input.repo
        ? {
            id: installation.id,
            node_id: Buffer.from(`023:Installation${installation.id}`).toString('base64'),
          }
        : input.fields['installation'],
    };
    core.deliver({
      app,
      event: input.event,
      action: input.action ?? null,
      installationId: installation.id,
      repositoryId: input.repo?.id ?? null,
      payload,
      queueKey: input.repo ? repoKey(input.repo.owner, input.repo.name) : `app:${app.id}`,
    });
  }
}
