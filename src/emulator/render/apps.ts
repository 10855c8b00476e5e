import { htmlUrl, type Core } from '../core.js';
import { findApp } from '../state/state.js';
import type { App, Installation } from '../state/types.js';
import { renderUser } from './users.js';

/** An App as `GET /app` and check runs embed it. */
export function renderApp(core: Core, app: App): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    client_id: app.clientId,
    node_id: Buffer.from(`03:Integration${app.id}`).toString('base64'),
    owner: renderUser(core, app.owner),
    name: app.name,
    description: null,
    external_url: htmlUrl(core, `apps/${app.slug}`),
    html_url: htmlUrl(core, `apps/${app.slug}`),
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: app.events ?? [],
    installations_count: [...core.state.installations.values()].filter((i) => i.appId === app.id).length,
  };
}

/** An installation as `GET /app/installations` returns it and `installation` webhooks carry it. */
export function renderInstallation(core: Core, installation: Installation): Record<string, unknown> {
  const app = findApp(core.state, installation.appId);
  const account = core.state.users.get(installation.account.toLowerCase());
  return {
    id: installation.id,
    client_id: app?.clientId,
    account: renderUser(core, installation.account),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${core.url}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${core.url}/installation/repositories`,
    html_url: htmlUrl(
      core,
      `organizations/${installation.account}/settings/installations/${installation.id}`,
    ),
    app_id: installation.appId,
    app_slug: app?.slug,
    target_id: account?.id ?? 0,
    target_type: installation.targetType,
    permissions: installation.permissions,
    events: app?.events ?? [],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
